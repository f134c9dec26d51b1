#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// glibc's (2.34 and later) `posix_spawn_file_actions_addclosefrom_np`, which its module map does not
/// export without `_GNU_SOURCE`.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

/// A program bcsh starts gets its three standard streams and nothing else: no socket of the
/// sandbox's server, no HTTP connection, no file bcsh holds open.
func closeDescriptorsAboveStandardStreams(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>) {
  _ = addCloseFrom(actions, 3)
}
