import BcshCore
