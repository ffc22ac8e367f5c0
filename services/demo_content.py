"""Demo services: the index with a comparison of the four ways to meet, and one page for each."""

from home.demo import demo_image, upsert_page
from home.demo.blocks import faq, fees_table, heading, rich, row, stream, table, text
from services.demo_pages import in_person, neurodiverse, online, walk_and_talk
from services.models import ServiceIndexPage, ServicePage

# Page-tree order is the order of the cards on /services/.
SERVICES = (in_person, online, walk_and_talk, neurodiverse)


def load(ctx):
    index, _ = upsert_page(
        ctx, ctx.home, ServiceIndexPage, "services",
        title="Services",
        show_in_menus=True,
        introduction=(
            "Four ways to meet, one careful way of working. Choose the setting that feels safest to you; "
            "you can change your mind as we go."
        ),
        body=_index_body(),
    )
    for module in SERVICES:
        title, scene, description = module.SCENE
        upsert_page(ctx, index, ServicePage, module.SLUG, **module.fields(demo_image(title, scene, description)))


def _index_body():
    return stream(
        heading("Which way suits you?"),
        table(
            caption="The four ways to meet, side by side",
            row_heading_label="What to know",
            columns=["In person", "Online", "Walk and talk", "Neurodiverse-adapted"],
            rows=[
                row(
                    "Where",
                    "A quiet room near Cheltenham town centre", "Wherever you are in the UK, by video",
                    "Pittville Park or the Cox's Meadow area", "In the room, online or outdoors",
                ),
                row(
                    "Often suits",
                    "People who want therapy to happen somewhere apart from daily life",
                    "Busy lives, long distances, or feeling most at ease at home",
                    "People who talk more easily side by side and on the move",
                    "Autistic and ADHD adults, diagnosed or not",
                ),
                row(
                    "Worth knowing",
                    "Ground-floor room with a level entrance",
                    "Needs a private space and a steady connection",
                    "Moves indoors or online in bad weather",
                    "Adjustments to communication, senses and pace",
                ),
            ],
            note="<p>Not sure which to choose? Ask in the free initial chat: many clients combine two.</p>",
        ),
        heading("Fees"),
        fees_table(),
        heading("What stays the same"),
        text(
            "Whichever you choose, the work is confidential, unhurried and led by you. I am a registered member "
            "of the BACP and follow its Ethical Framework in every setting, indoors and out.",
        ),
        faq(
            "Choosing a way to meet",
            ("Can I switch between formats?", rich(
                "Yes. Many people start in the room and move online when life gets busy, or add a few walking "
                "sessions in spring. We agree each change a week ahead.",
            )),
            ("Which format works best?", rich(
                "The one you will keep coming to. Research suggests the relationship matters far more than the setting.",
            )),
        ),
    )
