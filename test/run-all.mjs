// `npm test`: every check of the project, in order, with one summary line at the end.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const out = '.test-results'
rmSync(out, { recursive: true, force: true })
mkdirSync(out)

const vitest = (name, ...args) => ({
  name,
  cmd: ['npx', 'vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile=${out}/${name}.json`],
})
const stages = [
  { name: 'typecheck', cmd: ['npm', 'run', 'typecheck', '--silent'] },
  { name: 'react18-install', cmd: ['npm', 'ci', '--prefix', 'test/react18', '--no-audit', '--no-fund', '--silent'] },
  vitest('unit', '--project', 'unit', '--project', 'react18'),
  { name: 'build', cmd: ['npm', 'run', 'build', '--silent'] },
  vitest('package', '--project', 'package'),
  { name: 'publint-attw', cmd: ['npm', 'run', 'check:package', '--silent'] },
  { ...vitest('e2e', '--config', 'test/e2e/vitest.config.ts'), env: { E2E_PACKAGE_DIR: 'dist' } },
  vitest('storybook', '--config', '.storybook/vitest.config.ts'),
]

let passed = 0
let failed = 0
const failedStages = []
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(stage.cmd[0], stage.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...stage.env } })
  const report = `${out}/${stage.name}.json`
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
  } else if (result.status === 0) passed += 1
  else failed += 1
  if (result.status !== 0) failedStages.push(stage.name)
  console.log(`=== ${stage.name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
if (failedStages.length) console.log(`\nFailed stages: ${failedStages.join(', ')}`)
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failedStages.length ? 1 : 0)
