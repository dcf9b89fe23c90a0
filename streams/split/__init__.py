"""Stage 1, split: one raw text in, articles out.

In: the text of one input. Out: article spans (``text == input[start:end]``) with
headlines, sentences and repeated standfirsts (:class:`streams.split.splitter.PageSplitter`).
"""
