/**
 * The load generator: a child process of the runner (`node --import tsx test/bench/generator.ts`),
 * the same code for every server. It receives one job over IPC, runs it, reports the result over IPC
 * and exits. It only opens sockets to the URL in the job (127.0.0.1), and a job that overruns its
 * scenario's bounded waits still ends: every wait has a deadline, and the runner kills a generator
 * that outlives the job's time limit.
 * @module
 */
import type { GeneratorReport, Job, JobResult } from './job.ts'
import { runEditing } from './scenario-editing.ts'
import { runHistory } from './scenario-history.ts'

const progress = (line: string) => console.error(`    generator: ${line}`)

function run(job: Job): Promise<JobResult> {
  return job.kind === 'editing' ? runEditing(job, progress) : runHistory(job, progress)
}

if (!process.send) {
  console.error('generator.ts is started by test/bench/run.ts (it needs an IPC channel)')
  process.exit(2)
}

process.once('message', (job: Job) => {
  run(job).then(
    (result) => finish({ ok: true, result }),
    (err: unknown) => finish({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  )
})

function finish(report: GeneratorReport): void {
  process.send!(report, () => process.exit(report.ok ? 0 : 1))
}
