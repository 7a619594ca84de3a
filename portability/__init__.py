"""Treatment pages as a portable, readable folder: ``treatments.json`` plus image files.

``export_treatments`` and ``import_treatments`` are thin commands around this app
(``export.export_treatments``, ``importing.import_treatments``, ``format.PortabilityError``).

The folder::

    treatments.json      every treatment page, the practitioners and images they use
    images/image-1.png   each image's original file, named by its key in treatments.json

Database ids never leave the site they belong to. References are written as keys
that mean the same thing on any site:

- an image: ``"image-1"`` (its record in ``images``),
- a practitioner: ``"practitioner-1"`` (its record in ``practitioners``),
- a treatment page: ``"treatment:botox"`` (its slug; all treatments share one index),
- the treatment index: ``"index"``; any other page: ``"path:/about/"`` (its path on the site).

StreamField bodies keep their stored JSON shape (block ids included), with chooser
values and rich-text links rewritten to those keys. Which values are references is
read from the block definitions themselves, so a new block needs no change here.

The rooms: ``format`` (names and fields of the folder), ``references`` (keys inside
bodies), ``images`` (image files), ``export``, ``validation`` (reading a folder back)
and ``importing``.
"""
