"""Demo text: walk and talk sessions in Cheltenham's parks."""

from home.demo.blocks import callout, faq, heading, rich, stream, text

SLUG = "walk-and-talk-therapy"
SCENE = ("Two people walking side by side on a park path", "park", "")
# The boating lake in Pittville Park, shown on OpenStreetMap.
MAP = "https://www.openstreetmap.org/?mlat=51.9106&mlon=-2.0691#map=17/51.9106/-2.0691"


def fields(image):
    return {
        "title": "Walk and talk therapy",
        "summary": "Counselling on foot, side by side, along the paths of Pittville Park or the quieter Cox's Meadow area.",
        "card_image": image,
        "location_kind": "outdoors",
        "meeting_point": "Pittville Park, by the boating lake (or the Cox's Meadow area, if you prefer somewhere quieter)",
        "meeting_point_map": MAP,
        "fee_note": "The extra ten minutes allow for meeting up and walking back to where we started.",
        "getting_there": (
            "Pittville Park is about fifteen minutes' walk north of the town centre, with bus stops and on-street "
            "parking close to its gates. Before our first walk I will send you a photo of the exact spot where I wait."
        ),
        "access": (
            "The main paths round the lake are level and surfaced, with benches all the way round. We set the pace "
            "together, and a session can be a slow stroll, a brisk walk or mostly sitting on a bench."
        ),
        "who_it_is_for": rich(
            "Walking side by side takes away the pressure of eye contact. Many people, men especially, find it "
            "easier to say difficult things while looking at the path ahead rather than at another face. Moving "
            "also helps when feelings are stuck: a pace can loosen thoughts that go round in circles in a chair.",
            "<ul><li><b>People who feel restless or trapped in a room.</b></li>"
            "<li><b>Anyone who thinks better on the move,</b> including many ADHD clients.</li>"
            "<li><b>Those who have tried room-based counselling</b> and found it felt too formal or intense.</li></ul>",
            "It may not suit you if you would be very worried about being seen, if walking for an hour is painful, "
            "or if the main thing you want to talk about needs the privacy of four walls. We can always move "
            "indoors, or online, if that changes.",
        ),
        "what_to_expect": rich(
            "I wait at the meeting point a few minutes before the time we agreed. We say hello, agree roughly "
            "which way to walk, and set off. There is no script: you talk, or we walk quietly for a while until "
            "something comes. Silence outside feels very different from silence in a room, and many people find "
            "it easier.",
            "I keep an eye on the time and steer us back so that we finish where we began. If something heavy "
            "comes up near the end, we can sit on a bench for the last few minutes rather than walk and talk at once.",
            "Our first session is in the practice room or online, so that we can agree together how we will "
            "handle the outdoor parts, such as what to say if we meet someone you know.",
        ),
        "body": stream(
            heading("Where we meet"),
            text(
                "We usually meet by the boating lake in Pittville Park. The paths loop round the water and up "
                "past the Pump Room, so we can walk for an hour without retracing our steps. If you would rather "
                "avoid the busier paths, the Cox's Meadow area by the River Chelt is flatter and quieter on weekdays.",
                "I never ask you to meet me at an address. A named place in a public park is easy to find, and "
                "safe for both of us.",
            ),
            heading("What happens in bad weather"),
            text(
                "Light rain rarely stops us: a good coat and a hat are usually enough, and some of the most "
                "useful conversations happen under an umbrella. If the forecast is for heavy rain, high wind, "
                "ice or heat above thirty degrees, I will message you the day before and we will switch to the "
                "practice room or to a video session at the same time and the same fee.",
                "You can also change your mind on the morning itself. Just send me a text by nine o'clock.",
            ),
            heading("Confidentiality outdoors"),
            text(
                "A park is public, so confidentiality works a little differently. We pick quieter paths, pause "
                "our conversation when people pass close by, and stop on a bench away from others if we need to. "
                "I will never raise a topic when someone could overhear.",
                "If we meet someone you know, you decide what happens. We agree a plan at the start: you might "
                "introduce me as a friend, or we simply carry on walking. I will never greet you first in public, "
                "and I will never explain who I am.",
            ),
            callout(
                "<p>You choose the pace, the route and when to stop. If walking stops helping, we go back indoors "
                "with nothing lost.</p>"
            ),
            faq("Common questions about walk and talk",
                ("Do I need to be fit?", rich(
                    "No. We walk at a talking pace, and we can stop whenever you like. Some sessions are mostly "
                    "spent on a bench looking at the lake.",
                )),
                ("What should I wear?", rich(
                    "Comfortable shoes and clothes for the weather. Paths can be muddy in winter, so boots help "
                    "between November and March.",
                )),
                ("What if I get upset while we are walking?", rich(
                    "That is fine, and it happens. We can stop, find a quiet spot, and take as long as you need. "
                    "Sunglasses and a hood can help if you would rather not be noticed.",
                )),
            ),
        ),
    }
