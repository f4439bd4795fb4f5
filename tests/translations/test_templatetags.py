"""The highlight tag renders finding spans that selectors return as plain data."""

from translations.templatetags.term_findings import highlight


def test_highlight_marks_spans_and_escapes_text():
    html = highlight("a <b> & c", [(2, 5, "error", 'x"y')])
    assert html == 'a <mark class="finding error" title="x&quot;y">&lt;b&gt;</mark> &amp; c'


def test_highlight_skips_overlapping_and_stale_spans():
    html = highlight("abcdef", [(0, 3, "info", "t"), (2, 4, "error", "t"), (5, 99, "warning", "t")])
    assert html == '<mark class="finding info" title="t">abc</mark>def'


def test_highlight_marks_search_matches_inside_and_around_findings():
    text = "abc <d> abc"
    html = highlight(text, [(2, 6, "error", "t")], [(0, 3), (8, 11)])
    assert html == (
        '<mark class="search">ab</mark><mark class="finding error" title="t">'
        '<mark class="search">c</mark> &lt;d</mark>&gt; <mark class="search">abc</mark>'
    )
    # Without findings, and without a search.
    assert highlight("x<y", [], [(1, 2)]) == 'x<mark class="search">&lt;</mark>y'
    assert highlight("x<y", [], None) == "x&lt;y"
