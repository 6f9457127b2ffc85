"""年报问答 (nianbao): answers questions about Chinese government information-disclosure annual reports."""

__version__ = "0.1.0"
