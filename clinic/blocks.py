"""Opening hours as structured data: one block per day and opening period."""

from wagtail import blocks

DAYS = [
    ("Monday", "Monday"),
    ("Tuesday", "Tuesday"),
    ("Wednesday", "Wednesday"),
    ("Thursday", "Thursday"),
    ("Friday", "Friday"),
    ("Saturday", "Saturday"),
    ("Sunday", "Sunday"),
]


class OpeningPeriodBlock(blocks.StructBlock):
    """A day and the hours the clinic is open on it (add two for a lunch break)."""

    day = blocks.ChoiceBlock(choices=DAYS, help_text="The day of the week.")
    opens = blocks.TimeBlock(help_text="Opening time, e.g. 09:00.")
    closes = blocks.TimeBlock(help_text="Closing time, e.g. 17:30.")

    class Meta:
        icon = "time"
        label = "Opening hours"

    def json_ld(self, value, context=None):
        """The period as schema.org's ``OpeningHoursSpecification``."""
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{value['day']}",
            "opens": value["opens"].strftime("%H:%M"),
            "closes": value["closes"].strftime("%H:%M"),
        }
