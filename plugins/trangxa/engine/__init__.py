"""The engine's shortcuts: everything in trangxa that leans on MkDocs' or Material's private code.

Import each module by its own name (trangxa.engine.render, trangxa.engine.twoprocess…): the
package imports none of them, so what reads posts (engine.twoprocess) does not load MkDocs.
"""
