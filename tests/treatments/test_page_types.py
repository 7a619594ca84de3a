"""Page type rules, creation, editing and preview through the real admin."""

from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from clinic.models import Practitioner
from home.models import HomePage
from treatments.models import TreatmentIndexPage, TreatmentPage


def list_block(values):
    """Admin form data of a ListBlock holding ``values``."""
    data = {"count": len(values)}
    for i, value in enumerate(values):
        data.update({f"{i}-value": value, f"{i}-deleted": "", f"{i}-order": i, f"{i}-id": ""})
    return data


class TreatmentPageTypeTests(WagtailPageTestCase):
    """Where each page type may live, and that editors can create, edit and preview it."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", "--no-superuser", verbosity=0)
        cls.home = HomePage.objects.get()
        cls.index = TreatmentIndexPage.objects.get()
        cls.botox = TreatmentPage.objects.get(slug="botox")

    def setUp(self):
        # A superuser who is also a practitioner: only practitioners publish treatment pages.
        user = self.create_test_user()
        Practitioner.objects.create(name="Dr. Test", user=user)
        self.login(user=user)

    def test_parent_and_subpage_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {TreatmentIndexPage})
        self.assertAllowedParentPageTypes(TreatmentIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TreatmentIndexPage, {TreatmentPage})
        self.assertAllowedParentPageTypes(TreatmentPage, {TreatmentIndexPage})
        self.assertAllowedSubpageTypes(TreatmentPage, set())
        self.assertCanNotCreateAt(HomePage, TreatmentPage)
        self.assertCanCreateAt(TreatmentIndexPage, TreatmentPage)

    def form_data(self, title="Dermal fillers", slug="dermal-fillers"):
        """What the editor submits for a small treatment page with two sections."""
        return nested_form_data(
            {
                "title": title,
                "slug": slug,
                "summary": "Fillers restore lost volume.",
                "category": "dermal_filler",
                "review_interval_months": 12,
                "body": streamfield(
                    [
                        (
                            "faq",
                            {
                                "heading": "Filler FAQ",
                                "items": list_block(
                                    [{"question": "Does it hurt?", "answer": rich_text("<p>Mildly.</p>")}]
                                ),
                            },
                        ),
                        (
                            "dosage",
                            {
                                "heading": "How much?",
                                "unit_name": "ml",
                                "typical_min": 1,
                                "typical_max": 2,
                                "explanation": rich_text(""),
                            },
                        ),
                    ]
                ),
                "treatment_areas": inline_formset([{"name": "Cheeks", "description": ""}]),
                "product_links": inline_formset([]),
            }
        )

    def test_editor_creates_a_treatment_with_blocks(self):
        self.assertCanCreate(self.index, TreatmentPage, self.form_data())
        page = TreatmentPage.objects.get(slug="dermal-fillers")
        self.assertEqual([b.block_type for b in page.body], ["faq", "dosage"])
        self.assertEqual(page.body[0].value["items"][0]["question"], "Does it hurt?")
        self.assertEqual([a.name for a in page.treatment_areas.all()], ["Cheeks"])

    def test_botox_page_routes_renders_and_previews(self):
        self.assertPageIsRoutable(self.botox)
        self.assertPageIsRenderable(self.botox)
        self.assertPageIsEditable(self.botox, post_data=self.form_data("BOTOX", "botox"))
        self.assertPageIsPreviewable(self.botox, post_data=self.form_data("BOTOX", "botox"))
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.home)
