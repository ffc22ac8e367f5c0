"""Demo text: counselling by video."""

from home.demo.blocks import callout, faq, heading, rich, stream, text

SLUG = "online-counselling"
SCENE = ("A laptop ready for a video session", "screen",
         "A laptop on a desk showing a video call, with a mug beside it.")


def fields(image):
    return {
        "title": "Online counselling",
        "summary": "Secure video sessions from wherever you feel most at ease, anywhere in the UK, with no travel and no waiting room.",
        "card_image": image,
        "location_kind": "online",
        "video_platform": "Zoom, with a waiting room and a new private link for every session. A phone call is fine on days when video feels like too much.",
        "fee_note": "",
        "getting_there": (
            "A room where you will not be overheard, or headphones if others are at home. "
            "A laptop, tablet or phone with a camera, propped up so your hands are free. "
            "A glass of water, and a few minutes before and after to yourself if you can."
        ),
        "access": (
            "Live captions can be switched on. You can keep your camera off for part or all of a session, "
            "and type in the chat if speaking aloud is hard that day."
        ),
        "who_it_is_for": rich(
            "Online sessions suit people whose lives make regular travel difficult: parents fitting therapy round "
            "the school run, people who work shifts, people who live outside Cheltenham or who are often away. "
            "They also suit anyone who simply feels more themselves at home.",
            "<ul><li><b>Social anxiety:</b> talking from a familiar place can lower the stakes of a first step.</li>"
            "<li><b>Chronic illness or fatigue:</b> no journey to recover from afterwards.</li>"
            "<li><b>Autistic and ADHD clients:</b> your own lighting, your own chair, and no unfamiliar building.</li></ul>",
            "Online work is not the right choice if home is not a safe place to talk, or if you are in crisis and "
            "need someone physically nearby. If that is the case, please tell me and we will find another way.",
        ),
        "what_to_expect": rich(
            "Before our first session I will e-mail you a link and a short guide to the settings I suggest. A "
            "minute before we start, you click the link and wait in the waiting room until I let you in, so "
            "nobody else can join.",
            "From there the session runs as it would in a room: you talk about what matters to you, and I listen "
            "and respond. If the connection drops, I will phone you straight away on the number you gave me, "
            "and we carry on by phone or reconnect.",
            "At the end, take a moment before returning to the rest of your day. Some clients make a cup of tea; "
            "others walk round the block. Closing the laptop is quick, but your mind may need a little longer.",
        ),
        "body": stream(
            heading("Making an online session feel private"),
            text(
                "Privacy at home can take a little planning. Clients have used a parked car, a spare bedroom, "
                "a garden shed or a booked room at work. A white-noise app outside the door helps, and so does "
                "an agreed signal: if someone walks in, say “can we pause?” and I will wait.",
                "<ul><li><b>Encryption:</b> the video service encrypts the call; I join from a private room with "
                "the door closed and headphones on.</li>"
                "<li><b>No recordings:</b> I never record sessions, and I ask that you do not either.</li>"
                "<li><b>Your details:</b> I keep your phone number only so that I can call if the connection fails.</li></ul>",
            ),
            # A restated key point, not a client testimonial: professional bodies advise counsellors against those.
            callout("<p>A screen changes the room, not the relationship.</p>", style="quote"),
            heading("Is it as good as meeting in person?"),
            text(
                "For most of the difficulties people bring to counselling, research comparing online and "
                "face-to-face therapy finds similar results. What matters most is the relationship between you "
                "and your counsellor, and that can grow on a screen just as it can in a room.",
            ),
            faq("Common questions about online counselling",
                ("What if my internet connection is poor?", rich(
                    "Turning video off and keeping audio often helps. If the call drops, I will ring you within a "
                    "minute, and we can finish the session by phone. You will not be charged for time lost to a "
                    "fault at my end.",
                )),
                ("Can I have sessions if I live outside Cheltenham?", rich(
                    "Yes, from anywhere in the United Kingdom. I do not offer sessions to people living abroad, "
                    "because my insurance and the support services I might point you to are UK based.",
                )),
                ("Do I need to download anything?", rich(
                    "On a laptop you can join from your web browser. On a phone or tablet the free app is easier. "
                    "If you get stuck, we can try a test call a few days before we start.",
                )),
            ),
        ),
    }
