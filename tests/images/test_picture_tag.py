"""``{% picture %}``: the visitor site's responsive image, from the same sizes the API offers."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load picture_tags %}" + source).render(Context(context))


def test_picture_has_a_source_per_modern_format_and_an_img_fallback(make_image, settings, rf):
    settings.CMS_IMAGE_FORMATS = ["webp", "original"]
    image = make_image(size=(1000, 500))
    html = render('{% picture image aspect_ratio="16:9" sizes="50vw" class="hero" loading="eager" %}', image=image)
    assert html.startswith("<picture>") and html.endswith("</picture>")
    assert html.count("<source") == 1 and 'type="image/webp"' in html
    img = re.search(r"<img [^>]*>", html).group(0)
    assert 'alt="A patient&#x27;s face after treatment"' in img
    assert 'width="800" height="450"' in img  # the fallback: the largest up to 800 wide
    assert 'sizes="50vw"' in img and 'class="hero"' in img and 'loading="eager"' in img
    assert re.search(r'srcset="[^"]+fill-400x225\.png 400w, [^"]+ 800w, [^"]+ 890w"', img)
    assert ".format-webp.webp 400w" in html


def test_no_image_renders_nothing():
    assert render("{% picture image %}", image=None) == ""


def test_an_unknown_aspect_ratio_is_a_template_error(make_image):
    with pytest.raises(TemplateSyntaxError):
        render('{% picture image aspect_ratio="4:3" %}', image=make_image(size=(100, 100)))
