/// `--json` documents are `JSONValue`s; every user of the core gets the type with it.
@_exported import JSONText
