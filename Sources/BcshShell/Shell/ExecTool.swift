import BcshFormats
import BcshModel
import BcshPorts
import BcshVerify
import FoundationEssentials

/// The tools `exec --for` hands credentials to.
public enum ExecTool: String, CaseIterable, Sendable {
  /// Catalyst (Next.js): `BIGCOMMERCE_STORE_HASH`, `BIGCOMMERCE_CHANNEL_ID`,
  /// `BIGCOMMERCE_STOREFRONT_TOKEN`, the API account's keys, `BIGCOMMERCE_API_HOST`.
  case catalyst
  /// Any program that reads the `BIGCOMMERCE_*` lines `save --format env` writes.
  case bigcommerce
  /// Stencil CLI reads only its files: refused, with the `export` line that writes them.
  case stencil
}
