"""What every page needs, whichever of the news, procedures and report plugins a site uses.

- names: the names the plugins are registered under.
- theme: the template folders and assets (one way to add them), and the checks on the theme.
- templates/: trangxa's theme folder: page frame, header, footer, news templates, assets.
- htmlfix: the one place that repairs the HTML Material's templates write.
- accessors: what one plugin may read of another's work in the same build.
- generated: how a generated page or data file joins the site's files.
- pages: the one way a page is made: address, overridable template, plain data.
- feedfile: how a feed (news or procedures) becomes a file MkDocs writes.

The navigation is read as plain values by trangxa.engine.cache.nav_outline.
"""
