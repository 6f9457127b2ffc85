"""Documents → stored, checked facts: readers turn files into lines of cells, the template parser into facts
with their sources, the checks into warnings, the store into TinyDB files; `kb` is the loaded, indexed view."""
