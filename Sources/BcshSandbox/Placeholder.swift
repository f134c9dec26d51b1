// BcshSandbox
