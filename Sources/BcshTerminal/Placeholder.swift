// BcshTerminal
