"""fix_theme_html on snippets shaped like the HTML Material's templates write."""

from __future__ import annotations

from html.parser import HTMLParser

from trangxa.site.htmlfix import DRAWER_BUTTON_NAME, SEARCH_DIALOG_NAME, fix_theme_html


class _Tags(HTMLParser):
    """Every start tag with its attributes, as a real HTML parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


TOGGLES = (
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">\n'
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">\n'
)
SEARCH_FIELD = (
    '<input type="text" class="md-search__input" name="query" aria-label="Tìm kiếm" '
    'placeholder="Tìm kiếm" autocapitalize="off" autocorrect="off" autocomplete="off" '
    'spellcheck="false" data-md-component="search-query" required>'
)


def test_checkboxes_lose_autocomplete() -> None:
    fixed = tags(fix_theme_html(TOGGLES))
    assert [attrs["id"] for _, attrs in fixed] == ["__drawer", "__search"]
    assert all("autocomplete" not in attrs for _, attrs in fixed)
    assert all(attrs["type"] == "checkbox" for _, attrs in fixed)


def test_checkbox_with_autocomplete_before_type_is_fixed_too() -> None:
    html = '<input autocomplete="off" class="md-toggle" type="checkbox" id="__x">'
    [(_, attrs)] = tags(fix_theme_html(html))
    assert attrs == {"class": "md-toggle", "type": "checkbox", "id": "__x"}


def test_text_inputs_keep_autocomplete() -> None:
    # Allowed on a text field, where it stops browsers offering old queries.
    assert fix_theme_html(SEARCH_FIELD) == SEARCH_FIELD


def test_empty_tabindex_is_removed_and_real_ones_kept() -> None:
    html = (
        '<label class="md-nav__link md-nav__link--active" for="__nav_4" id="__nav_4_label" tabindex="">'
        '<span class="md-nav__icon md-icon"></span></label>'
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="0">Tin tức</label>'
    )
    fixed = tags(fix_theme_html(html))
    labels = [attrs for tag, attrs in fixed if tag == "label"]
    assert labels[0] == {
        "class": "md-nav__link md-nav__link--active",
        "for": "__nav_4",
        "id": "__nav_4_label",
    }
    assert labels[1]["tabindex"] == "0"


def test_escaped_markup_in_page_text_is_left_alone() -> None:
    # A post that shows HTML as text must print it exactly as written.
    html = '<pre><code>&lt;label tabindex=""&gt; &lt;input type="checkbox" autocomplete="off"&gt;</code></pre>'
    assert fix_theme_html(html) == html


TOC_TITLE = (
    '<nav class="md-nav md-nav--secondary" aria-label="Mục lục">'
    '<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>Mục lục</label>'
    '<ul class="md-nav__list"></ul></nav>'
)


def test_toc_title_without_toggle_loses_for() -> None:
    fixed = tags(fix_theme_html(TOC_TITLE))
    [label] = [attrs for tag, attrs in fixed if tag == "label"]
    assert label == {"class": "md-nav__title"}
    assert "Mục lục</label>" in fix_theme_html(TOC_TITLE)


def test_toc_title_with_its_toggle_is_kept() -> None:
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">' + TOC_TITLE
    assert fix_theme_html(html) == html


def test_search_dialog_gets_a_name_once() -> None:
    html = '<div class="md-search" data-md-component="search" role="dialog"><label class="md-search__overlay" for="__search"></label></div>'
    once = fix_theme_html(html)
    [(_, dialog), _label] = tags(once)
    assert dialog["role"] == "dialog"
    assert dialog["aria-label"] == SEARCH_DIALOG_NAME
    assert fix_theme_html(once) == once


def test_named_dialog_and_other_divs_are_left_alone() -> None:
    html = (
        '<div class="md-search" role="dialog" aria-label="Tra cứu"></div>'
        '<div class="md-search__inner" role="search"></div>'
    )
    assert fix_theme_html(html) == html


def test_whole_page_is_otherwise_unchanged() -> None:
    page = (
        '<!doctype html><html lang="vi"><head><title>Hòa An</title></head><body>'
        + TOGGLES
        + '<div class="md-search" data-md-component="search" role="dialog"></div>'
        + "<p>Ủy ban nhân dân xã Hòa An</p></body></html>"
    )
    expected = page.replace(' autocomplete="off"', "").replace(
        'role="dialog">', f'role="dialog" aria-label="{SEARCH_DIALOG_NAME}">'
    )
    assert fix_theme_html(page) == expected


HEADER = (
    '<nav class="md-header__inner md-grid" aria-label="Đầu trang">'
    '<label class="md-header__button md-icon" for="__drawer">'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18v2H3z"/></svg>'
    "</label>"
    '<label class="md-header__button md-icon" for="__search"><svg></svg></label></nav>'
)


def test_menu_button_takes_focus_and_has_a_name() -> None:
    fixed = fix_theme_html(HEADER)
    labels = [attrs for tag, attrs in tags(fixed) if tag == "label"]
    assert labels[0] == {
        "class": "md-header__button md-icon",
        "for": "__drawer",
        "tabindex": "0",
    }
    assert f'<span class="tx-visually-hidden">{DRAWER_BUTTON_NAME}</span>' in fixed
    # The search button is left as Material wrote it: the search field itself takes focus.
    assert "tabindex" not in labels[1]
    assert fix_theme_html(fixed) == fixed


def test_drawer_title_and_overlay_are_left_alone() -> None:
    html = (
        '<label class="md-overlay" for="__drawer"></label>'
        '<label class="md-nav__title" for="__drawer">Trang thông tin điện tử xã Hòa An</label>'
    )
    assert fix_theme_html(html) == html



def test_empty_tabindex_after_a_line_break_goes_with_its_white_space() -> None:
    html = '<label class="md-nav__link" for="__nav_3"\n    tabindex=""><span>Tin</span></label>'
    assert fix_theme_html(html) == '<label class="md-nav__link" for="__nav_3"><span>Tin</span></label>'


def test_empty_tabindex_as_page_text_is_left_alone() -> None:
    html = '<p>Viết tabindex="" trong thẻ</p><p>a tabindex=""</p>'
    assert fix_theme_html(html) == html
