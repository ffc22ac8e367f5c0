"""Demo text: counselling adapted for autistic and ADHD adults."""

from home.demo.blocks import callout, faq, heading, rich, row, stream, table, text

SLUG = "neurodiverse-counselling"
SCENE = ("Soft hills under a pale sky", "calm", "")


def fields(image):
    return {
        "title": "Neurodiverse counselling",
        "summary": "Counselling adapted for autistic and ADHD adults: clear communication, a calm sensory space, your pace, and no pressure to mask.",
        "card_image": image,
        "location_kind": "room",
        "fee_note": "Shorter sessions of thirty minutes, twice a week, are possible at half the fee.",
        "getting_there": (
            "Sessions can also be online or on a walk, if either suits you better. "
            "Before we first meet I can send photos of the entrance, the stairs and the room, and a written "
            "description of the route from the nearest bus stop."
        ),
        "access": (
            "A low-sensory room: lamps rather than overhead lights, no ticking clock and no scented products. "
            "Ear defenders, a weighted blanket and fidget items are there if you want them, and you are welcome "
            "to stand, pace or sit on the floor."
        ),
        "who_it_is_for": rich(
            "These sessions are for autistic adults, adults with ADHD, and people who think they may be either, "
            "whether or not they have a diagnosis. Many of my neurodivergent clients come for the same reasons "
            "as anyone else, such as anxiety, burnout, grief or relationships, and want a counsellor who will not "
            "treat the way their brain works as the problem to be fixed.",
            "<ul><li><b>Late diagnosis:</b> making sense of a life seen in a new light.</li>"
            "<li><b>Burnout:</b> recovering from years of masking at work or at home.</li>"
            "<li><b>Waiting for an assessment:</b> support while the waiting list moves slowly.</li></ul>",
            "I do not carry out diagnostic assessments, but I can explain how to ask your GP for one and what "
            "the process involves.",
        ),
        "what_to_expect": rich(
            "Before each session you can send me a short list of what you want to talk about, or nothing at all. "
            "At the start we check in on your energy and senses: whether the light is right, whether you would "
            "like the window open, and whether talking or writing feels easier today.",
            "I explain what I am doing and why, and I ask direct questions instead of hinting. If I say something "
            "that does not fit, tell me and I will not be offended. Afterwards, if it helps, I can e-mail a few "
            "lines summarising what we covered, so that nothing depends on remembering it.",
        ),
        "body": stream(
            heading("Adjustments to communication"),
            text(
                "I say what I mean. No vague questions like “how does that make you feel?” unless that is a "
                "question you find useful; instead I ask concrete ones, give you time to answer, and do not read "
                "anything into silence or a lack of eye contact.",
                "<ul><li><b>Writing:</b> you can type, write or send messages during a session instead of speaking.</li>"
                "<li><b>Processing time:</b> I will wait, and you can ask me to repeat or rephrase anything.</li>"
                "<li><b>Literal language:</b> I avoid metaphors, or check they land, and I never use sarcasm.</li>"
                "<li><b>Special interests:</b> welcome in the room. They often tell us a lot about what matters to you.</li></ul>",
            ),
            heading("The sensory environment"),
            text(
                "Bright lights, a humming fridge or a strong smell can use up the energy you came to spend on "
                "talking. The room is set up to be quiet to the senses, and we adjust it together: light, "
                "temperature, where you sit and what is within reach. Online, you control all of that yourself.",
            ),
            heading("Pacing"),
            text(
                "We go at a pace that suits your energy, not a schedule. Some weeks we cover a lot; others we "
                "mostly notice how tired you are, and that is still useful work. Breaks are allowed, sessions can "
                "be shorter, and we can stop early without any discussion of why.",
                "If you have ADHD, I will send reminders the day before, and we can agree what happens if you "
                "forget a session, without the lecture you may have grown used to.",
            ),
            heading("Validation, not correction"),
            text(
                "Neurodivergent people are often told that the way they experience the world is wrong. In these "
                "sessions it is not. I take your account of your own senses, feelings and needs as true, and we "
                "work from there, not towards making you seem more neurotypical.",
            ),
            callout(
                "<p>You do not have to mask here. Stim, pace, look away, take notes, say “I don't know”: all of "
                "it is welcome.</p>"
            ),
            table(
                caption="How sessions are adapted",
                row_heading_label="Aspect",
                columns=["A typical session", "An adapted session"],
                rows=[
                    row("Questions", "Often open and reflective", "Concrete and direct, with time to answer"),
                    row("Environment", "The counsellor's room as it is", "Light, sound and seating agreed with you"),
                    row("Communication", "Mostly spoken", "Spoken, typed or written, as you prefer"),
                    row("Between sessions", "Nothing in writing", "An optional written summary and reminders"),
                ],
                note="<p>Every adjustment is optional. We try things and keep what helps.</p>",
            ),
            faq("Common questions about neurodiverse counselling",
                ("Do I need a diagnosis?", rich(
                    "No. Self-identification is welcome, and so is uncertainty. Many clients come while they are "
                    "still working out whether the label fits.",
                )),
                ("Can we communicate in writing?", rich(
                    "Yes, in full or in part. Some clients type in a shared document while we sit together; others "
                    "send me their thoughts by e-mail before the session so that we can start from there.",
                )),
                ("Will you try to change how I behave?", rich(
                    "No. We might work on things you want to change, such as getting through a day without "
                    "burning out, but the goal is a life that fits you, not one that looks right to others.",
                )),
            ),
        ),
    }
