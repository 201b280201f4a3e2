# SPDX-License-Identifier: MIT
# The package's version; its major must match the C library's (checked at import).
__version__ = "0.1.0"
