"""Demo content for the home page, About, the privacy notice and the practice details."""

from wagtail.models import Page, Site

from home.demo import demo_image, upsert_page
from home.demo.blocks import callout, fees_table, heading, image, page_link, stream, text
from home.models import HomePage, PracticeSettings, StandardPage
from home.public_url import sync_default_site


def load(ctx):
    ctx.home = _home_page(ctx)
    _site(ctx.home)
    park = demo_image("Two people walking side by side on a park path", "park")
    portrait = demo_image("Portrait illustration of the counsellor", "portrait")
    ctx.images = {"park": park, "portrait": portrait, "calm": demo_image("Soft hills under a pale sky", "calm")}
    _about(ctx, portrait, park)
    _fees(ctx)
    _privacy(ctx)


def finish(ctx):
    """Set what depends on other apps' pages: settings links and the home page cards."""
    home = ctx.home
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    practice.contact_page = ctx.pages.get("contact")
    practice.privacy_page = ctx.pages.get("privacy")
    practice.save()
    if home.body and not ctx.refresh:
        return
    cards = [
        page_link(ctx.pages[slug])
        for slug in ("in-person-counselling", "online-counselling", "walk-and-talk-therapy", "neurodiverse-counselling")
        if slug in ctx.pages
    ]
    blocks = [
        heading("Ways we can work together"),
        text(
            "You choose the setting that feels safest. Some people like the quiet of a room; others find it easier "
            "to talk while walking, or from their own sofa. Every option is the same careful, confidential work."
        ),
        *cards,
        heading("What a first conversation is like"),
        text(
            "The first step is a free call of about twenty minutes. You can ask me anything: how I work, what it "
            "costs, whether I have helped with something like your situation before. There is no obligation, and "
            "you do not need to explain everything, or anything, that you are not ready to share.",
            "<ul><li><b>No waiting list:</b> most people start within a fortnight.</li>"
            "<li><b>No referral:</b> you can contact me directly.</li>"
            "<li><b>No pressure:</b> if I am not the right fit, I will help you find someone who is.</li></ul>",
        ),
    ]
    home.body = stream(*blocks)
    home.save_revision().publish()


def _home_page(ctx):
    existing = HomePage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    # Wagtail's installer leaves a plain "Welcome" page at /; it makes way for ours.
    for page in root.get_children().filter(slug="home"):
        if page.specific_class is Page:
            page.delete()
    home = HomePage(
        title="Counselling in Cheltenham, online and outdoors",
        slug="home",
        hero_heading="A calm place to talk things through",
        hero_text=(
            "I am Ben, a BACP-registered counsellor in Cheltenham. I see adults in a quiet room in town, online, "
            "and on walks in local parks, and I adapt how I work for autistic and ADHD clients."
        ),
        hero_image=demo_image("Two people walking side by side on a park path", "park"),
        hero_button_label="Book a free initial chat",
        search_description=(
            "Counselling with Ben in Cheltenham: in person, online, walk and talk in local parks, and "
            "neurodiverse-affirming therapy. Free initial chat."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    ctx.log("  created the home page")
    return home


def _site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Therapy with Ben")
        sync_default_site()  # the public address (PUBLIC_URL), as `migrate` would set it
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Therapy with Ben"
        site.save()
    practice = PracticeSettings.for_site(Site.objects.get(is_default_site=True))
    if practice.therapist_name:
        return
    practice.practice_name = "Therapy with Ben"
    practice.tagline = "Counselling in Cheltenham, online and on walks in the park"
    practice.therapist_name = "Ben Marlow"
    practice.therapist_role = "Counsellor (MBACP)"
    practice.phone = "01632 960 418"
    practice.email = "ben@example.org"
    practice.street_address = "Room 2, 47 Suffolk Parade"
    practice.locality = "Cheltenham"
    practice.region = "Gloucestershire"
    practice.postcode = "GL50 2AE"
    practice.latitude, practice.longitude = "51.893500", "-2.080200"  # roughly Suffolk Parade, for the map in search results
    practice.area_served = "Cheltenham and Gloucestershire in person; anywhere in the UK online"
    practice.cta_heading = "Book a free initial chat"
    practice.cta_text = (
        "A relaxed twenty-minute call, with no obligation, to see whether working together feels right for you."
    )
    practice.cta_button_label = "Get in touch"
    practice.share_image = demo_image("Two people walking side by side on a park path", "park")
    # An illustration, so nobody mistakes the demo for a real person's photo.
    practice.portrait = demo_image("Portrait illustration of the counsellor", "portrait")
    practice.portrait_description = "An illustrated portrait of Ben: short brown hair, glasses and a green jumper, smiling."
    practice.save()


def _about(ctx, portrait, park):
    upsert_page(
        ctx, ctx.home, StandardPage, "about",
        title="About me",
        show_in_menus=True,
        describes_practice=True,
        introduction=(
            "I am a counsellor in Cheltenham. I trained as a person-centred therapist after fifteen years in "
            "outdoor education, and I still believe that people find their own way when someone walks beside them."
        ),
        body=stream(
            heading("How I work"),
            text(
                "My training is person-centred: I trust that you are the expert on your own life. In practice that "
                "means I listen far more than I advise, I say honestly what I notice, and I will not hurry you "
                "towards a goal you did not choose.",
                "I also draw on ideas from other approaches when they help, such as noticing patterns of thinking, "
                "or paying attention to what the body is telling us. I will always explain why I suggest something.",
            ),
            callout(
                "The best predictor of whether counselling helps is the relationship between you and your counsellor. "
                "That is why the first conversation is free."
            ),
            heading("Who I see"),
            text(
                "I work with adults of eighteen and over. Many of the people I see are men who have never talked to "
                "anyone before; many are autistic or have ADHD, diagnosed or not. People come with anxiety, low mood, "
                "stress at work, loss, changes in a relationship, or a simple sense that something is not right.",
                "If you would be better helped by couples counselling or by a psychiatrist, I will tell you, and "
                "help you find someone good.",
            ),
            image(park, "", decorative=True),
            heading("Training and membership"),
            text(
                "<ul><li><b>Qualification:</b> Level 4 Diploma in Therapeutic Counselling.</li>"
                "<li><b>Ethics:</b> bound by the BACP's Ethical Framework; my membership and how to check it are below.</li>"
                "<li><b>Supervision:</b> I discuss my work, anonymously, with an experienced supervisor every month, "
                "as every ethical counsellor does.</li>"
                "<li><b>Insurance:</b> fully insured for in-person, online and outdoor work.</li></ul>"
            ),
        ),
    )


def _fees(ctx):
    upsert_page(
        ctx, ctx.home, StandardPage, "fees",
        title="Fees and practicalities",
        show_in_menus=True,
        introduction="What sessions cost, how to pay and what happens if you need to cancel, all in one place.",
        body=stream(
            fees_table(),
            text(
                "If cost is what stands between you and counselling, please say so when you get in touch. "
                "Asking for a reduced fee is confidential and needs no proof.",
            ),
        ),
    )


def _privacy(ctx):
    upsert_page(
        ctx, ctx.home, StandardPage, "privacy",
        title="Privacy notice",
        show_in_menus=False,
        introduction="How this website and my practice look after what you tell me. Written in plain English.",
        body=stream(
            heading("Who looks after your information"),
            text(
                "I am the data controller for the information you give me through this website and in sessions. "
                "You can contact me about your data using the details at the foot of every page.",
            ),
            heading("What the contact form collects"),
            text(
                "When you send an enquiry I receive your name, how to reach you, the kind of counselling you are "
                "interested in and anything you choose to write. Because an enquiry about counselling can say "
                "something about your health, the law treats it as special category data. I only store it with "
                "your explicit consent, which you give by ticking the box on the form.",
                "<ul><li><b>Where it is kept:</b> in the website's database, which only I can open.</li>"
                "<li><b>How long:</b> enquiries are deleted automatically after six months unless we start working together.</li>"
                "<li><b>Who else sees it:</b> nobody. I never sell or share it, and the notification e-mail I receive "
                "can leave your message out.</li></ul>",
            ),
            heading("Cookies and tracking"),
            text(
                "This site sets no advertising or analytics cookies and loads nothing from other companies. "
                "A single technical cookie protects the contact form against forgery, and your reading "
                "preferences (text size, spacing, colours) are stored only in your own browser.",
            ),
            heading("What I count about visits"),
            text(
                "To learn which pages people find useful, the site counts visits, for statistics only and without "
                "cookies. For each day it adds one to a total for the page you read, the website that linked you "
                "here (its name only, such as a search engine) and whether you use a phone, tablet or computer. "
                "It never stores your IP address, your browser's details, any identifier or a record of your visit, "
                "so nothing it keeps can be traced back to you. Searches on this site that find nothing are counted "
                "by their words, unless they look like an e-mail address or phone number. If you answer "
                "“Was this article helpful?”, only the yes or no and anything you write in the box are kept, "
                "without your name. Totals are deleted after 13 months.",
                "<p><b>How to object, free and without asking:</b> turn on Global Privacy Control or "
                "“Do Not Track” in your browser and your visits are not counted at all. You can also write to me "
                "and I will explain what is held.</p>",
            ),
            heading("Your rights"),
            text(
                "You can ask to see, correct or delete what I hold about you at any time. If you are unhappy with "
                "how I have handled your information you can complain to the Information Commissioner's Office "
                "(<a href=\"https://ico.org.uk/make-a-complaint/\">ico.org.uk</a>).",
            ),
        ),
    )
