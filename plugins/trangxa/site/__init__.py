"""What every page needs, whichever of the news, procedures and report plugins a site uses.

Each of the three plugins uses it explicitly: it joins the site layer in on_config and hands
it its events; the first to join a build sets everything up, once.

- layer: the set-up and the events every page needs (see its docstring for the list).
- build: the build's shared state, the only interface between the plugins.
- names: the names the plugins are registered under.
- theme: the one way to add template folders and assets, and the checks on the theme.
- templates/: trangxa's theme folder: page frame, header, footer, news templates, assets.
- agency: the header's and footer's data (extra.agency, the labels Material prints).
- htmlfix: the one place that repairs the HTML Material's templates write.
- preview: while serving, the list of problems on every page and broken posts' pages.
- generated: how a generated page or data file joins the site's files.
- pages: the one way a page is made: address, overridable template, plain data.
- feedfile: how a feed (news or procedures) becomes a file MkDocs writes.

The site package uses the engine package (trangxa.engine) for the parts that lean on
MkDocs' and Material's private code. news and procedures import neither each other nor
report; report imports their domain types (Post, Procedure) to count them, but gets this
build's posts and procedures only through site.build.
"""
