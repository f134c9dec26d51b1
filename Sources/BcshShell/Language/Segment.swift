import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify

/// One piece of a word.
public enum Segment: Sendable, Equatable {
  case literal(String)
  case variable(VariableReference)
}
