// BcshHTTP
