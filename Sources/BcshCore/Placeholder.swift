// BcshCore
