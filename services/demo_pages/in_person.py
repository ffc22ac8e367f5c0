"""Demo text: counselling in the practice room."""

from home.demo.blocks import callout, faq, heading, rich, stream, text

SLUG = "in-person-counselling"
SCENE = ("Two armchairs facing each other by a window", "room",
         "Two armchairs facing each other beside a bright window in a calm counselling room.")


def fields(image):
    return {
        "title": "In-person counselling",
        "summary": "Weekly sessions in a quiet, private room near Cheltenham town centre, at the same time each week.",
        "card_image": image,
        "location_kind": "room",
        "fee_note": "Reduced-fee places are for students and people on low incomes: just ask, in confidence.",
        "getting_there": (
            "About ten minutes on foot from the Promenade. Several bus routes stop a few minutes away, and there is "
            "pay-and-display parking on the surrounding streets.\n"
            "Press the buzzer marked “Room 2” and I will come down to meet you."
        ),
        "access": (
            "The room is on the ground floor with a level entrance. There is an accessible toilet across the hall. "
            "The lamps can be dimmed, there is no clock ticking, and you can choose where to sit."
        ),
        "who_it_is_for": rich(
            "Meeting in person suits people who want their sessions to be a separate place, away from home and work. "
            "Some clients tell me that the short walk to the door is part of the work: it gives them time to gather "
            "their thoughts on the way in and to let things settle on the way out.",
            "<ul><li><b>Anxiety and low mood:</b> when home has become the place where worries sit.</li>"
            "<li><b>Loss and change:</b> bereavement, separation, redundancy or retirement.</li>"
            "<li><b>Men who have never talked to anyone:</b> a plain, unhurried room can feel less strange than a screen.</li>"
            "<li><b>Anyone with no private space at home</b> for an online session.</li></ul>",
            "If getting into town is hard, or leaving the house feels like too much right now, online sessions "
            "offer the same work from wherever you are.",
        ),
        "what_to_expect": rich(
            "I will meet you at the front door and show you up. The room has two armchairs, a small table with "
            "water and tissues, and a window onto a quiet garden. You can keep your coat on, sit where you like, "
            "and take your time to arrive.",
            "Our first session is mostly about getting to know each other: what brings you, what you hope might "
            "change, and anything you would like me to know about how you prefer to talk. After that, you bring "
            "whatever is on your mind that week. I listen, ask questions, and sometimes say what I notice. I will "
            "not give you homework unless you want some.",
            "Sessions last fifty minutes. I will let you know when we have about ten minutes left, so that nobody "
            "is rushed out of the door in the middle of something important.",
        ),
        "body": stream(
            heading("Why a room still matters"),
            text(
                "Much of counselling now happens online, and it works well. Yet many people find that a room "
                "set aside for one purpose helps them say things they would not say anywhere else. Nothing in "
                "it asks anything of you: no dishes in the sink, no children in the next room, no notifications.",
                "Being in the same room also lets me notice small things, such as a change in your breathing "
                "or a pause before a word, and gently ask about them.",
            ),
            callout(
                "<p>The same room, the same day and the same time each week. That steadiness is part of what "
                "makes the work feel safe.</p>"
            ),
            heading("Confidentiality"),
            text(
                "What you say in the room stays in the room. The building has other offices, but no waiting "
                "area: you come straight up and leave straight out, and the door is soundproofed. I keep brief "
                "notes in a locked cabinet, using initials, and I explain the rare legal limits to confidentiality "
                "in our first session so there are no surprises.",
            ),
            faq("Common questions about meeting in person",
                ("What if I need to cancel?", rich(
                    "Please give me two working days' notice and there is nothing to pay. Later than that, I "
                    "usually charge the full fee, because the hour was kept for you.",
                    "Illness and emergencies happen; tell me and we will find a fair way through.",
                )),
                ("Can I switch to online sessions later?", rich(
                    "Yes. Plenty of clients mix the two, for example meeting online during a busy month or when "
                    "the weather makes travelling hard. We simply agree it the week before.",
                )),
                ("Will anyone see me arrive?", rich(
                    "The entrance is shared with other small businesses, so nothing marks you out as coming to "
                    "counselling. There is no sign with the word “therapy” on the door.",
                )),
            ),
        ),
    }
