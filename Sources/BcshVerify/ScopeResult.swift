import BcshFormats
import BcshModel
import BcshPorts

/// One row of the report.
public struct ScopeResult: Sendable, Equatable {
  public var scope: Scope
  /// The level the token declares, nil for a catalog scope it does not declare (`--scopes all`).
  public var declared: AccessLevel?
  public var outcome: ProbeOutcome
  public var status: Int?

  /// The words of the RESULT column.
  public var summary: String {
    switch outcome {
    case .granted:
      if let declared, declared != .readOnly, scope.probe != nil {
        return "read access confirmed; write not tested"
      }
      return declared == nil ? "granted (not declared)" : "granted"
    case .missing: return declared == nil ? "not granted" : "missing"
    case .notProbeable: return "not probeable (no read endpoint)"
    case .inconclusive(let reason): return "inconclusive: \(reason)"
    case .error(let reason): return "error: \(reason)"
    }
  }
}
