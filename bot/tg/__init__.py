"""The Telegram adapter: the only package that imports `telegram`.

`app` is the composition root (`run` serves, `build_application` builds); `handlers`, `inline` and
`upload` are thin handlers; `flood`, `keyboards`, `split`, `texts`, `redact` and `state` help them.
"""
