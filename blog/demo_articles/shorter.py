"""Three shorter demo articles that share topics with the long one, so related posts and topic pages have content."""

from home.demo.blocks import faq, rich, row, stream, table, text

from . import bold_list, call_to_action, heading, page_link


def walking(ctx, images):
    link = lambda slug, text: page_link(ctx, slug, text)  # noqa: E731
    return {
        "title": "Why some people find it easier to talk while walking",
        "introduction": "Side by side, with the view moving past, words can come more easily. Here is why, and what a walking session is like.",
        "tags": ["Walk and talk", "Ways of working", "Counselling basics"],
        "featured_image": images["park"],
        "featured_image_alt": "Two people walking side by side along a path through a green park.",
        "body": stream(
            text(
                "Plenty of people have had their most honest conversations on a walk: with a parent on the way "
                "home from school, with a friend on a long hill path, with a partner on a dark evening. There is "
                "something about moving together that loosens the tongue.",
            ),
            heading("Side by side instead of face to face"),
            text(
                "Sitting opposite someone, it can feel as if every flicker of your face is being read. Walking "
                "removes that pressure. You can look at the trees, the water or your feet, and pauses feel natural "
                "rather than awkward. For people who find eye contact tiring, including many autistic adults, "
                "this alone can make counselling possible.",
                "Gentle movement also helps some people think. Ideas that stay tangled in a chair can come apart "
                "on a path, and a difficult memory can feel more manageable when you are literally moving forward.",
            ),
            heading("What a walking session is like"),
            text(
                bold_list(
                    ("Where", "we meet at an agreed spot in one of Cheltenham's parks and follow a loop that avoids "
                     "the busiest paths."),
                    ("Pace", "slow enough to talk; we can stop at a bench whenever you like."),
                    ("Privacy", "we keep our voices low and choose routes away from crowds. If we meet someone "
                     "you know, we agree beforehand how to handle it."),
                    ("Weather", "light rain rarely stops us, but if it is stormy we move indoors or online."),
                ),
            ),
            heading("Is it right for you?"),
            text(
                "Walking sessions suit people who feel restless or self-conscious indoors, and people who simply "
                "love being outside. They are less suited to days when you need to cry without being seen, and "
                f"we can always switch between settings. The {link('walk-and-talk-therapy', 'walk and talk page')} "
                "has the practical details.",
            ),
            call_to_action("Curious whether walking and talking would work for you? Ask in a free initial chat."),
        ),
    }


def first_session(ctx, images):
    link = lambda slug, text: page_link(ctx, slug, text)  # noqa: E731
    return {
        "title": "What happens in a first counselling session",
        "introduction": "A plain guide to the first hour, so you know what to expect before you walk in or log on.",
        "tags": ["Starting therapy", "Counselling basics"],
        "featured_image": images["room"],
        "featured_image_alt": "A quiet room with two armchairs turned towards each other beside a tall window.",
        "body": stream(
            text(
                "Not knowing what will happen is one of the biggest reasons people put off counselling. So here "
                "is an honest account of a first session with me, from the moment you book to the moment you leave.",
            ),
            heading("Before we meet"),
            text(
                "After a short free call, I send you a confirmation with the address or video link, a map if we "
                "are meeting in person, and a copy of my agreement so you can read it in your own time. You do not "
                "need to prepare anything, although some people like to jot down what made them get in touch.",
            ),
            heading("During the session"),
            text(
                bold_list(
                    ("The practical part", "we go through confidentiality, fees and cancellations, and you can "
                     "ask me anything."),
                    ("Your story, at your pace", "I ask what brings you, and you decide how much to say. Nobody "
                     "tells everything in one hour."),
                    ("What you hope for", "we start to put into words what you would like to be different."),
                    ("How it felt", "near the end I ask how the session was for you, and whether you would like to "
                     "book another."),
                ),
            ),
            heading("After the session"),
            text(
                "Many people feel tired or a little raw afterwards; others feel lighter. Both are normal. If you "
                "can, leave yourself a quiet half hour before going back to work or family. To understand why the "
                f"early sessions matter so much, read {link('what-is-the-therapeutic-relationship', 'what the therapeutic relationship is')}.",
            ),
            faq(
                "Questions people ask before a first session",
                ("Do I have to talk about my childhood?", rich(
                    "Only if you want to. We start with whatever feels most pressing now, and the past comes in "
                    "if and when it helps to make sense of the present.",
                )),
                ("What if I cry?", rich(
                    "Then you cry, and that is fine. There are tissues in the room, and there is no rush to stop.",
                )),
            ),
            call_to_action("Ready to take the first step? A short, free call is a gentle way to start."),
        ),
    }


def online(ctx, images):
    link = lambda slug, text: page_link(ctx, slug, text)  # noqa: E731
    return {
        "title": "Is online counselling as good as meeting in person?",
        "introduction": "What changes when counselling happens on a screen, what stays the same, and how to choose.",
        "tags": ["Online counselling", "Ways of working", "Therapeutic relationship"],
        "featured_image": images["screen"],
        "featured_image_alt": "A laptop on a desk showing a video call with a smiling counsellor.",
        "body": stream(
            text(
                "Since video calls became part of everyday life, many people have asked whether counselling "
                "online is a lesser version of the real thing. For most people and most difficulties, it is not: "
                "the relationship that makes counselling work can grow through a screen too.",
            ),
            table(
                caption="Meeting online or in person",
                row_heading_label="Aspect",
                columns=["Online", "In person"],
                rows=[
                    row("Travel", "None: you join from home or work.", "A short trip to a quiet room in town."),
                    row("Privacy", "You need a room where nobody can overhear.", "The room is private and soundproofed."),
                    row("Feel", "Familiar surroundings can make opening up easier.", "A separate space can help you leave things behind."),
                ],
                note="<p>You can move between the two as your life changes; many clients do.</p>",
            ),
            heading("Making online sessions work"),
            text(
                bold_list(
                    ("A private space", "a bedroom, a parked car or a quiet office all work."),
                    ("Headphones", "they help you hear me clearly and keep the conversation yours."),
                    ("A plan for dropped calls", "we agree at the start who calls whom if the connection fails."),
                ),
                f"The {link('online-counselling', 'online counselling page')} explains how sessions are arranged.",
            ),
            call_to_action("Would online sessions fit your life better? Let's talk it through."),
        ),
    }
