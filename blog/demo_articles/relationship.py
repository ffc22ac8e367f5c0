"""The long demo article: the therapeutic relationship (the structure of the practice's old page, new words)."""

from home.demo.blocks import faq, rich, row, stream, table, text

from . import bold_list, call_to_action, callout, figure, heading, page_link

SLUG = "what-is-the-therapeutic-relationship"
TITLE = "What is the therapeutic relationship?"
INTRODUCTION = (
    "Why the bond between you and your counsellor matters more than any single technique, how it differs "
    "from a friendship, and what to do if it does not feel right."
)
TAGS = ["Therapeutic relationship", "Starting therapy", "Counselling basics"]
NHS_ABOUT = "https://www.england.nhs.uk/mental-health/about/"
NHS_TALKING_THERAPIES = "https://www.england.nhs.uk/mental-health/adults/nhs-talking-therapies/"


COMPARISON = table(
    caption="Therapeutic relationship vs friendship: key differences",
    row_heading_label="Aspect",
    columns=["Therapeutic relationship", "Friendship"],
    rows=[
        row(
            "Purpose",
            "Exists to help <b>you</b> understand yourself and make the changes you want.",
            "Exists for its own sake: company, fun and support flowing both ways.",
        ),
        row(
            "Structure",
            "Agreed times, a set length and a fee, with clear limits on contact between sessions.",
            "Informal and flexible: you meet when it suits you both, for as long as you like.",
        ),
        row(
            "Focus",
            "Your feelings, thoughts and life; the counsellor says little about their own.",
            "Shared: each of you talks about yourself, and listening goes both ways.",
        ),
        row(
            "Confidentiality",
            "Protected by a professional code, with a few <i>limits</i> explained at the start.",
            "Rests on goodwill; there are no written rules about what gets passed on.",
        ),
        row(
            "Duration",
            "Has an ending in view from the start, planned together when the work is done.",
            "Can last a lifetime and usually has no planned end.",
        ),
    ],
    note=(
        "<p>Neither relationship is better than the other. They do different jobs, and most of us need both: "
        "friends for everyday company and care, and, at certain times in life, a professional relationship "
        "that exists only to help us.</p>"
    ),
)

FAQ = faq(
    "",
    ("What if I don't feel a connection with my therapist?", rich(
        "Say so, ideally to your therapist. A good counsellor will welcome the conversation rather than take "
        "offence, and putting into words what feels off, whether it is their manner, their approach or "
        "something you cannot yet name, often strengthens the relationship instead of ending it.",
        "If a few sessions later it still does not feel right, it is fine to look for someone else. A poor "
        "fit is nobody's failure, and a professional counsellor will help you move on without awkwardness.",
    )),
    ("How long does it take to build a therapeutic relationship?", rich(
        "There is no timetable. Some people feel at ease in the first session; others, especially those who "
        "have been let down before, need several weeks before trust begins to settle, and that is normal.",
        "Direction matters more than speed. If you find yourself a little freer to speak as the weeks go by, "
        "the relationship is growing, even when the change feels slow.",
    )),
    ("Is the bond the same in online therapy?", rich(
        "For most people it is very similar. Research into counselling by video has generally found that "
        "clients build working relationships about as strong as those formed in a room, and some people open "
        "up more easily from somewhere familiar.",
        "Online work does need a little extra care: a private space, a steady connection and an agreed plan "
        "for when the call drops. I talk these through with every online client before we begin.",
    )),
)


def fields(ctx, images):
    return {
        "title": TITLE,
        "introduction": INTRODUCTION,
        "featured_image": images["calm"],
        "featured_image_alt": "Soft green hills fading into a pale morning sky.",
        "tags": TAGS,
        "body": _body(ctx, images),
    }


def _body(ctx, images):
    link = lambda slug, text: page_link(ctx, slug, text)  # noqa: E731
    return stream(
        text(
            "Why do some people leave counselling feeling that something important has shifted, while others "
            "drift away after a handful of sessions? The answer often has less to do with the method than with "
            "the meeting of two people. Counsellors call it the therapeutic relationship, or the therapeutic "
            "alliance: the working partnership between you and the person you see, which sits underneath "
            "everything else that happens in the room.",
            "In this article I explain what that relationship is, how it differs from the other close "
            "relationships in your life, what it is made of and why it matters so much. I also describe how I "
            "adapt it for men who are wary of therapy and for autistic and ADHD clients, and what you can do "
            "if it does not feel right.",
        ),
        heading("Understanding the therapeutic alliance"),
        text(
            "Picture a long walk over the Cotswold hills with someone who knows the paths well. They do not "
            "carry you, and they do not decide where you are going: that part is yours. What they bring is "
            "company, a feel for the ground, and the steadiness to keep going when the weather turns. You still "
            "do the walking, but you are far more likely to get somewhere worthwhile, and to feel safe on the "
            "way, because you are not alone with the map.",
            "A good counselling relationship works in much the same way. I do not hold the answers to your "
            "life, and I will not hand you a plan. What I can offer is close, careful attention, some knowledge "
            "of how people get stuck and unstuck, and a relationship steady enough that you can risk saying "
            "things you have never said aloud.",
            "The psychologist Edward Bordin described the alliance as three strands woven together, and they "
            "remain a useful way to think about it:",
            bold_list(
                ("Shared goals", "we agree, in your words, what you would like to be different, even if that is "
                 "simply “I want to stop feeling like this”."),
                ("Shared tasks", "we agree how we will work towards it: talking freely, noticing patterns, or "
                 "trying something new between sessions."),
                ("A bond", "you come to trust that I am on your side, that I will be honest with you and that I "
                 "can cope with whatever you bring."),
            ),
            "None of these is settled on the first day. Goals change as you understand yourself better, and "
            "trust grows at its own pace. Part of my job is to keep checking that we are still heading the same way.",
        ),
        callout(
            "You still do the walking. The relationship simply makes it safer to take the path you have been "
            "avoiding.", style="quote",
        ),
        heading("How is it different from a friendship?"),
        text(
            "A good counsellor can feel a little like a wise friend: warm, interested, firmly on your side. It "
            "is natural to wonder where the difference lies, and whether paying for someone's attention makes "
            "their care less real. The care is real. The difference is in the shape of the relationship, not in "
            "how much it matters.",
            "A friendship is mutual. You take turns to listen and to be heard, you swap news, you meet each "
            "other's families and you owe each other things. Counselling is lopsided on purpose. For the length "
            "of a session all the attention is on you, and you owe me nothing beyond turning up, or letting me "
            "know when you cannot. That imbalance is not coldness. It is what frees you to speak without "
            "worrying about my feelings, my opinions or who I might tell.",
        ),
        COMPARISON,
        heading("The core ingredients"),
        text(
            "Carl Rogers, whose person-centred approach shapes much of how I work, suggested that three "
            "qualities in the counsellor make growth possible. Decades on, they are still at the heart of most "
            "counselling training.",
        ),
        heading("Empathy", "h3"),
        text(
            "Empathy means trying to understand your experience as you live it, not as I would live it in your "
            "place. It shows in small things: saying back what I have heard so you can put me right, noticing "
            "the feeling beneath the words, and not rushing to reassure you when what you need is to be understood.",
        ),
        heading("Genuineness", "h3"),
        text(
            "Genuineness, sometimes called congruence, means I am not hiding behind a professional mask. If I "
            "am moved by what you say, or unsure what you mean, I can tell you. Most of us are more honest with "
            "people who are honest with us.",
        ),
        heading("Unconditional positive regard", "h3"),
        text(
            "The plainest of the three, and perhaps the hardest: valuing you as a person whatever you tell me. "
            "It does not mean I agree with everything you have done. It means I will not think less of you for "
            "it, and you will not have to earn my respect.",
            "In practice, these qualities look like this:",
            bold_list(
                ("Listening before advising", "I would rather understand your situation than offer a quick fix "
                 "that does not fit it."),
                ("Checking rather than assuming", "I ask whether I have understood, and I expect to be corrected."),
                ("Honest feedback", "if I notice a pattern, I name it gently and leave you to decide what it means."),
            ),
        ),
        figure(
            images["room"],
            "A quiet room with two armchairs turned towards each other beside a tall window.",
            "A comfortable room helps, but it is the relationship that does the work.",
        ),
        heading("Confidentiality and boundaries"),
        text(
            "Trust needs firm edges. Boundaries can sound unfriendly, yet they are what make the relationship "
            "safe enough to lean on. Before we start I explain each of these, and you can ask about them at any time:",
            bold_list(
                ("Confidentiality", "what you tell me stays between us. I talk about my work anonymously with a "
                 "clinical supervisor, as every registered counsellor should, and I keep brief, secure notes."),
                ("Its limits", "if I believed you or someone else, especially a child, were at serious risk of "
                 "harm, I might need to share information. Wherever possible I would talk to you first."),
                ("Contact between sessions", "I answer messages about arrangements, but the work itself happens "
                 "in our sessions, where I can give it proper attention."),
                ("One relationship only", "I will not become your friend, colleague or business partner, and if "
                 "we pass in town I leave it to you whether to say hello."),
            ),
        ),
        callout(
            "Boundaries are not a wall between us. They are the frame that keeps the relationship steady when "
            "hard things are said."
        ),
        heading("How the relationship helps change happen"),
        text(
            "Researchers have compared many kinds of therapy over several decades, and one finding keeps coming "
            "back: the quality of the relationship is among the strongest signs of whether therapy will help, "
            "across very different methods. That does not make technique irrelevant. It means technique works "
            "best when it is offered inside a relationship you trust.",
            "There are a few reasons for this. When you feel safe, you can let yourself feel what you normally "
            "keep at arm's length, and feelings that are felt and understood tend to loosen their grip. Being "
            "accepted can also quietly challenge old beliefs, such as “if people really knew me, they would "
            "leave”. And when something goes wrong between us, as it sometimes will, talking it through and "
            "repairing it can be one of the most useful experiences of all, especially if conflict has always "
            "meant the end of a relationship for you.",
            f"Struggling with your feelings is common. NHS England estimates that <a href=\"{NHS_ABOUT}\">one in "
            "four adults will experience mental illness at some point in their life</a>, and many more go through "
            "stretches of stress, grief or low mood without any diagnosis. You do not need to be in crisis, or to "
            "have a label, to gain from a good therapeutic relationship.",
        ),
        heading("Therapy for men"),
        text(
            "Many of the men I work with tell me they put counselling off for years. Some grew up believing "
            "they should sort things out alone; others feared being judged, or starting to talk and not being "
            "able to stop. Those are understandable fears, and they deserve respect rather than a lecture.",
            "For men in particular, the relationship often has to earn its place. I am happy to be direct, to "
            "explain why I ask what I ask, and to let you set the pace. Some men find it easier to talk side by "
            f"side than face to face, which is one reason I offer {link('walk-and-talk-therapy', 'walk and talk sessions')} "
            f"in Cheltenham's parks. Others prefer the privacy of {link('online-counselling', 'online counselling')} from home.",
        ),
        heading("Adapting the relationship for autistic and ADHD clients"),
        text(
            "A way of relating that suits one person can be exhausting for another. Many autistic and ADHD "
            "adults have spent years in places that expect them to mask, to hold eye contact and to follow rules "
            "nobody states. Counselling should not be one more of those places.",
            f"In {link('neurodiverse-counselling', 'neurodiverse counselling')} I adapt how we work together, for example:",
            bold_list(
                ("Clear structure", "I can send an outline before sessions and a short summary afterwards, if that helps."),
                ("Direct language", "I say what I mean and invite you to do the same; you never have to guess at hints."),
                ("Sensory comfort", "lighting, seating, something to fidget with, camera off online, or walking "
                 "instead of sitting are all open for discussion."),
                ("Your pace", "time to process is welcome, and a silence in a session is not a problem to be fixed."),
            ),
            "The aim is a relationship in which you can be yourself without translating, which for many clients "
            "is the first of its kind.",
        ),
        heading("Finding the right therapist in Cheltenham"),
        text(
            "Because the relationship matters so much, it is worth choosing a counsellor with care. A few "
            "questions can help:",
            bold_list(
                ("Are they registered?", "Look for membership of a professional body with a public register, "
                 "such as the BACP, UKCP or NCPS."),
                ("How do they work?", "Ask about their approach and what a typical session is like."),
                ("Can you get to them easily?", "Think about location, times, and whether you would rather meet "
                 "in person, online or outdoors."),
                ("How did the first conversation feel?", "Perhaps not instantly comfortable, but heard and not hurried."),
            ),
            f"I see clients in {link('in-person-counselling', 'a quiet room near the centre of Cheltenham')}, online "
            f"anywhere in the UK and outdoors in local parks; the {link('services', 'services page')} compares the "
            f"options side by side. You can read more {link('about', 'about me and how I work')}. If cost is a worry, "
            f"it is worth knowing that in England <a href=\"{NHS_TALKING_THERAPIES}\">NHS Talking Therapies</a> "
            "services offer free psychological therapy for anxiety and depression.",
        ),
        heading("Common questions about the therapeutic relationship"),
        FAQ,
        call_to_action(
            "If you would like to find out whether we could work well together, a short call costs nothing and "
            "commits you to nothing."
        ),
    )
