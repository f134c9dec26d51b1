import BcshFormats
import BcshModel
import BcshPorts

/// Which scopes verify probes.
public enum ScopeSelection: String, Sendable, CaseIterable {
  /// The token's declared scopes (the default).
  case declared
  /// The whole catalog, to find out what an unknown token can do.
  case all
  /// None: liveness (and the store) only.
  case none
}
