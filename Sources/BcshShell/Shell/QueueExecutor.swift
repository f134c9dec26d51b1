import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import Dispatch
import Synchronization

/// Runs tasks on a serial dispatch queue, whose threads are not those of Swift's shared pool.
final class QueueExecutor: TaskExecutor, Sendable {
  private let queue = DispatchQueue(label: "bcsh.channel-directory")

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
