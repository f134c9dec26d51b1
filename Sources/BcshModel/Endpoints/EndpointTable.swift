/// The operations of the endpoint table (generated into EndpointTable+Data.swift by bcsh-endpoints).
enum EndpointTable {}
