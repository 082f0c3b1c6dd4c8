"""Precision of the MT-artifact lexicons: native English stays clean, MT-like English is flagged.

Four parts:

* table-driven pairs: an English sentence with a French calque, literal idiom or structural
  Gallicism that must raise the expected code, next to a close correct-English sentence that
  must raise no MT flag at all;
* native text: the English side of ``scripts/bench_corpus.py`` and, when ``../shared`` exists,
  the English TransRead novels (tokenised; detokenised with sacremoses first) must raise
  (almost) no MT flag;
* page furniture: typical furniture lines (English, French, machine-translated French) are
  flagged BP001/BP002, article sentences sharing their words are not;
* a speed guard: the whole lexicon over a long run-on text stays fast (no catastrophic
  backtracking in a context pattern).
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_tools.checks import make_checker
from corpus_tools.checks.checker import Checker

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
NOVELS = SHARED / "eval" / "alignment" / "transread_enfr"

# Flags that come from the lexicon files (MT007 untranslated text and MT009 repetition loops
# are code checks, reported but not bounded here: the novels quote French verse verbatim and
# repeat words on purpose).
LEXICON_CODES = frozenset({"MT001", "MT002", "MT003", "MT005", "MT006", "MT008"})

# TransRead novels written in English; the others are 18th-19th c. translations from French.
NATIVE_NOVELS = ("AlicesAdventuresInWonderland", "Emma", "JaneEyre", "TheLastOfTheMohicans")

# Genuine calques in the old translations from French (the translators' own Gallicisms: a
# reviewer of MT news would flag each one). Any other lexicon hit on the novels is a false positive.
KNOWN_NOVEL_CALQUES = frozenset({
    ("Candide", "made the tour of"),            # 'avait fait le tour de l'Afrique'
    ("Candide", "a dozen of El"),               # 'une douzaine de moutons'
    ("Candide", "all the world knows"),         # 'tout le monde sait'
    ("LesTravailleursDeLaMer", "in his quality of"),  # 'en sa qualité de roi'
    ("LesTravailleursDeLaMer", "an evidence"),  # 'une évidence'
    ("VingtMilleLieuesSousLesMers", "delay expire"),  # 'le délai expirait'
})


@pytest.fixture(scope="module")
def checker() -> Checker:
    return make_checker("en")


def mt_flags(checker: Checker, text: str, codes: frozenset[str] | None = None) -> list[tuple[str, str]]:
    return [(f.code, f.span or "") for f in checker.check_text(text)
            if f.code.startswith("MT") and (codes is None or f.code in codes)]


FALSE_FRIENDS: list[tuple[str, str, str]] = [
    ('Local collectivities will receive more money next year.', 'MT001', 'Local authorities will receive more money next year.'),
    ('The polemic over the pension reform grew on Monday.', 'MT001', 'The controversy over the pension reform grew on Monday.'),
    ('His remarks sparked a new polemic in Paris.', 'MT001', 'His remarks sparked a new controversy in Paris.'),
    ('The bill also foresees a tax on large fortunes.', 'MT001', 'The bill also provides for a tax on large fortunes.'),
    ('The vote is foreseen for next Tuesday.', 'MT001', 'The vote is scheduled for next Tuesday.'),
    ('The law project was adopted at first reading.', 'MT001', 'The bill was adopted at first reading.'),
    ('She will be head of list for the European elections.', 'MT001', "She will lead the party's list for the European elections."),
    ('Macron won the second turn of the presidential election.', 'MT001', 'Macron won the second round of the presidential election.'),
    ('His quinquennium ends in May.', 'MT001', 'His five-year term ends in May.'),
    ('He is a candidate for his own succession.', 'MT001', 'He is running for re-election.'),
    ('Party militants gathered in Lyon on Saturday.', 'MT001', 'Party activists gathered in Lyon on Saturday.'),
    ('The prosecutor of the Republic opened an investigation.', 'MT001', 'The public prosecutor opened an investigation.'),
    ('He was sentenced to two years of firm prison.', 'MT001', 'He was sentenced to two years in prison.'),
    ('She got six months of prison with reprieve.', 'MT001', 'She got a six-month suspended sentence.'),
    ('He was placed under judicial control on Friday.', 'MT001', 'He was placed under judicial supervision on Friday.'),
    ('A judicial information was opened for murder.', 'MT001', 'A judicial investigation was opened for murder.'),
    ('The mayor was relaxed by the criminal court of Paris.', 'MT001', 'The mayor looked relaxed as he left the court.'),
    ('His lawyer pleaded for the relaxation of his client.', 'MT001', 'His lawyer pleaded for the acquittal of his client.'),
    ('The suspect was deferred before the prosecutor on Thursday.', 'MT001', 'The suspect was brought before the prosecutor on Thursday.'),
    ('The family deposited a complaint at the police station.', 'MT001', 'The family filed a complaint at the police station.'),
    ('The case was classified without follow-up.', 'MT001', 'The case was dropped.'),
    ('The authors of the attack fled on a scooter.', 'MT001', 'The attackers fled on a scooter.'),
    ('The facts took place on Saturday night in a bar.', 'MT001', 'The incident took place on Saturday night in a bar.'),
    ('The presumed killer was arrested in Lille.', 'MT001', 'The suspected killer was arrested in Lille.'),
    ('The victim of a violent aggression was taken to hospital by police.', 'MT001', 'Russian aggression against Ukraine continued.'),
    ('A woman was aggressed in the metro on Tuesday.', 'MT001', 'A woman was attacked in the metro on Tuesday.'),
    ('He is accused of armed flight in a jewellery shop.', 'MT001', 'He is accused of armed robbery in a jewellery shop.'),
    ('The man was quickly mastered by police officers.', 'MT001', 'He quickly mastered the new software.'),
    ('Numerous degradations were noted in the town hall.', 'MT001', 'Considerable damage was noted in the town hall.'),
    ('He was driving under the influence of stupefiants.', 'MT001', 'He was driving under the influence of drugs.'),
    ('He was prosecuted for the offence of flight after the crash.', 'MT001', 'He was prosecuted for a hit-and-run after the crash.'),
    ('The fight against petty delinquency is a priority.', 'MT001', 'Juvenile delinquency is falling in the city.'),
    ('After the robbery the suspects took the flight on foot.', 'MT001', 'She took the flight to Montreal on Friday.'),
    ('A man was victim of a malaise in the stands.', 'MT001', 'The economic malaise continued in the region.'),
    ('Firefighters tried to reanimate the victim for an hour.', 'MT001', 'Firefighters tried to resuscitate the victim for an hour.'),
    ('The child is in reanimation at the hospital.', 'MT001', 'The child is in intensive care at the hospital.'),
    ('The injured man was taken to the emergencies.', 'MT001', 'The injured man was taken to the emergency department.'),
    ('The wounded were taken in charge by paramedics.', 'MT001', 'The wounded were treated by paramedics.'),
    ('Respect the barrier gestures at all times.', 'MT001', 'The barrier reef is dying.'),
    ('The port of the mask is mandatory on trains.', 'MT001', 'Wearing a mask is mandatory on trains.'),
    ('The doctor wrote him an ordinance for antibiotics.', 'MT001', 'The city council passed an ordinance on parking.'),
    ('He has been on sick stop for three weeks.', 'MT001', 'He has been on sick leave for three weeks.'),
    ('Two light wounded were reported after the crash.', 'MT001', 'Two people were slightly injured in the crash.'),
    ('The driver was transported in absolute emergency.', 'MT001', 'The driver was taken to hospital in critical condition.'),
    ('The victim has deceased at the hospital.', 'MT001', 'The deceased was identified by his family.'),
    ('The driver was in a state of ebriety.', 'MT001', 'The driver was drunk.'),
    ('His alcoholemia was twice the legal limit.', 'MT001', 'His blood alcohol level was twice the legal limit.'),
    ('An automobilist was killed on the A7.', 'MT001', 'A motorist was killed on the A7.'),
    ('The car percuted a tree on the way out of the village.', 'MT001', 'The car hit a tree on the way out of the village.'),
    ('A carambolage involving 20 cars blocked the motorway.', 'MT001', 'A pile-up involving 20 cars blocked the motorway.'),
    ('He was flashed at 180 km/h on the motorway.', 'MT001', 'He was clocked at 180 km/h on the motorway.'),
    ('A heavy weight overturned on the motorway near Lyon.', 'MT001', 'A truck overturned on the motorway near Lyon.'),
    ('A car carrying 40 schoolchildren overturned in the Alps.', 'MT001', 'A car carrying two passengers overturned in the Alps.'),
    ('The riparian residents complained about the noise.', 'MT001', 'Local residents complained about the noise.'),
    ('The canicule is expected to last until Sunday.', 'MT001', 'The heatwave is expected to last until Sunday.'),
    ('The intemperies caused major power cuts.', 'MT001', 'The storms caused major power cuts.'),
    ('Twelve departments were placed in orange vigilance.', 'MT001', 'Twelve departments were placed on orange alert.'),
    ('A snowy episode is expected this weekend, according to the forecast.', 'MT001', 'A spell of snow is expected this weekend, according to the forecast.'),
    ('The government announced an envelope of 2 billion euros.', 'MT001', 'The government announced a budget of 2 billion euros.'),
    ('The state unblocked 300 million euros for farmers.', 'MT001', 'The state released 300 million euros for farmers.'),
    ('The group will suppress 1,200 jobs in France.', 'MT001', 'The group will cut 1,200 jobs in France.'),
    ('The relaunch plan is worth 100 billion euros.', 'MT001', 'The recovery plan is worth 100 billion euros.'),
    ('The measures aim to relaunch the economy.', 'MT001', 'The measures aim to revive the economy.'),
    ('Tourism knew a strong increase this summer.', 'MT001', 'Tourism saw a strong increase this summer.'),
    ('Sales are in rise of 4% over a year.', 'MT005', 'Sales are up 4% over a year.'),
    ("The big distribution is putting pressure on farmers' prices.", 'MT001', "Large retailers are putting pressure on farmers' prices."),
    ('The clothing ensign will close 30 stores.', 'MT001', 'The clothing chain will close 30 stores.'),
    ('The group wants to delocalize production to Poland.', 'MT001', 'The group wants to move production to Poland.'),
    ('The restoration sector lost 200,000 jobs.', 'MT001', 'The restoration of Notre-Dame continues.'),
    ('Restorers hope to reopen their terraces in May.', 'MT001', 'Art restorers cleaned the painting.'),
    ('Commerçants in the city centre are worried.', 'MT001', 'Shopkeepers in the city centre are worried.'),
    ('Social prestations will rise by 1.1%.', 'MT001', 'Social benefits will rise by 1.1%.'),
    ('The coach praised his players after a solid prestation.', 'MT001', 'The coach praised his players after a solid performance.'),
    ('The company posted a benefice of 3 million euros.', 'MT001', 'The company posted a profit of 3 million euros.'),
    ('The deficit reached 150 milliards.', 'MT001', 'The deficit reached 150 billion.'),
    ('The fisc is chasing undeclared accounts.', 'MT001', 'The tax authorities are chasing undeclared accounts.'),
    ('Contacted by our redaction, the mayor did not respond.', 'MT001', 'The redaction of the document was criticised.'),
    ('Lyceans blocked several high schools on Tuesday.', 'MT001', 'High school students blocked several schools on Tuesday.'),
    ('She holds a licence in law from Paris II.', 'MT001', 'She holds a driving licence.'),
    ('The match ended in a null score.', 'MT001', 'The match ended in a draw.'),
    ('He delivered a decisive pass for the second goal.', 'MT001', 'He delivered the assist for the second goal.'),
    ('Lyon won in the prolongations after a late goal.', 'MT001', 'The prolongation of his contract was announced.'),
    ('Marseille imposed itself 2-0 against Nice in the league.', 'MT001', 'The state imposed itself on the market.'),
    ('The trainer of the team was sacked after the defeat.', 'MT001', 'The trainer of the horse was delighted.'),
    ('The Paris guardian made a superb save on the penalty.', 'MT001', "The child's guardian signed the form."),
    ('Unions reclaimed the resignation of the minister.', 'MT001', 'Unions demanded the resignation of the minister.'),
    ('The revendications of the nurses were not heard.', 'MT001', 'The demands of the nurses were not heard.'),
    ('The attentat killed twelve people.', 'MT001', 'The attack killed twelve people.'),
    ('The government congratulated itself on the figures.', 'MT001', 'The government welcomed the figures.'),
    ('He estimated that it was unacceptable.', 'MT001', 'He estimated that 300 people attended.'),
    ('"We will not give up," he launched.', 'MT001', '"We will not give up," he said.'),
    ('"It is a scandal," estimated the union leader.', 'MT001', '"It is a scandal," said the union leader.'),
    ('Firefighters rescued the residents before the rescues arrived.', 'MT001', 'Firefighters rescued the residents before the paramedics arrived.'),
    ('The victims were sinistered by the floods.', 'MT001', 'The sinister figure disappeared.'),
]

IDIOMS: list[tuple[str, str, str]] = [
    ('The minister has his head in the handlebars.', 'MT002', 'The cyclist lowered his head over the handlebars.'),
    ("Don't make a whole cheese of it.", 'MT002', "Don't make a fuss about it."),
    ('He is telling us salads about the budget.', 'MT002', 'He ordered two salads.'),
    ('We are not out of the inn yet.', 'MT002', 'We are not out of the woods yet.'),
    ('I would put my hand in the fire for him.', 'MT002', 'He burned his hand in the fire.'),
    ('The residents fell from the clouds when they heard the news.', 'MT002', 'Rain fell from the clouds all day.'),
    ("His new album doesn't break three legs of a duck.", 'MT002', 'His new album is nothing special.'),
    ('He pressed on the mushroom to escape the police.', 'MT002', 'He pressed on the accelerator to escape the police.'),
    ('The mustard rose to his nose during the debate.', 'MT002', 'He lost his temper during the debate.'),
    ('The minister put his feet in the dish by naming the culprit.', 'MT002', 'The minister put his foot in it by naming the culprit.'),
    ('She has her heart on the hand.', 'MT002', 'She wears her heart on her sleeve.'),
    ('The thieves took their legs to their neck.', 'MT002', 'The thieves took to their heels.'),
    ('These tickets cost the skin of the buttocks.', 'MT002', 'These tickets cost an arm and a leg.'),
    ('The film made a tobacco at the box office.', 'MT002', 'The film was a smash hit at the box office.'),
    ('Mbappé made a cardboard against Lyon.', 'MT002', 'He made a cardboard box for the cat.'),
    ('The reform passed to the trapdoor after the elections.', 'MT002', 'The actor fell through the trapdoor on stage.'),
    ('This detail put the flea in his ear.', 'MT002', 'This detail made him suspicious.'),
    ('Investors were rolled in the flour by the fund manager.', 'MT002', 'Roll the fish in flour before frying.'),
    ('The team had the fries before the final.', 'MT002', 'The team ate the fries before the final.'),
    ('They won with their fingers in the nose.', 'MT002', 'They won hands down.'),
    ('He drowns in a glass of water at the slightest problem.', 'MT002', 'He drank a glass of water.'),
    ('The unions will have to put water in their wine.', 'MT002', 'The unions will have to compromise.'),
    ('The opposition is looking for the little beast in every bill.', 'MT002', 'The opposition nitpicks every bill.'),
    ('The finance minister makes the rain and the good weather in the cabinet.', 'MT002', 'The finance minister calls the shots in the cabinet.'),
    ('The police did not go with the back of the spoon.', 'MT002', 'Stir the sauce with the back of the spoon.'),
    ('The coach put the sails before the end of the season.', 'MT002', 'The crew put the sails up before the storm.'),
    ('He is very milk soup in meetings.', 'MT002', 'He is very quick-tempered in meetings.'),
    ('These new rules break my feet.', 'MT002', 'These new rules get on my nerves.'),
    ('The president took the fly after the question.', 'MT002', 'The president took offence after the question.'),
    ('This bonus will put butter in the spinach.', 'MT002', 'This bonus will bring in extra money.'),
    ('Getting an appointment is the cross and the banner.', 'MT002', 'Getting an appointment is a real ordeal.'),
    ('The opposition keeps putting sticks in the wheels of the government.', 'MT002', 'The opposition keeps obstructing the government.'),
    ('The negotiators cut the pear in two.', 'MT002', 'The negotiators split the difference.'),
    ('The season started on the hats of wheels.', 'MT002', 'The season got off to a flying start.'),
    ('The oligarchs roll on gold.', 'MT002', 'The oligarchs are rolling in money.'),
    ('The spokesman sold the wick before the announcement.', 'MT002', 'The spokesman gave the game away before the announcement.'),
    ('The nurses are at the end of their roll.', 'MT002', 'The nurses are at the end of their tether.'),
    ('He has ants in his legs after a week of rest.', 'MT002', 'He has ants in his kitchen.'),
    ('The young mayor does not have cold eyes.', 'MT002', 'The young mayor is fearless.'),
    ('The opposition shot at the government with red bullets.', 'MT002', 'The opposition laid into the government.'),
    ('The team managed to save the furniture with a late goal.', 'MT002', 'Firefighters managed to save the furniture from the blaze.'),
    ('The champions gave a lot of thread to twist to their rivals.', 'MT002', 'The champions gave their rivals a hard time.'),
    ('He made feet and hands to get the contract.', 'MT002', 'He moved heaven and earth to get the contract.'),
    ('The minister did not chew his words.', 'MT002', 'The minister did not mince his words.'),
    ('The club put the package on recruitment this summer.', 'MT002', 'The club put the package on the doorstep.'),
    ('The government is completely beside the plate on this issue.', 'MT002', 'Put the fork beside the plate.'),
    ('The senator drew his reverence after forty years.', 'MT002', 'The senator bowed out after forty years.'),
    ('The coach came out of his hinges after the defeat.', 'MT002', 'The door came off its hinges.'),
    ('The talks are playing the extensions.', 'MT002', 'The talks are dragging on.'),
    ('The coach handed in his apron on Monday.', 'MT002', 'The chef handed in his apron on Monday.'),
    ('The argument does not hold the road.', 'MT002', 'The car holds the road well in corners.'),
    ('That falls under the sense.', 'MT002', 'That is obvious.'),
    ('The affair was passed under silence.', 'MT002', 'The affair was hushed up.'),
    ('Residents have no voice in the chapter.', 'MT002', 'Residents have no say.'),
    ('You have to make the share of things.', 'MT002', 'You have to keep things in perspective.'),
    ('He replaced the injured player at the raised foot.', 'MT002', 'He replaced the injured player at short notice.'),
    ('Every volunteer put his hand to the dough.', 'MT002', 'Knead the dough by hand.'),
    ('The small club held head to the champions.', 'MT002', 'The small club stood up to the champions.'),
    ('Between the two allies the dishcloth is burning.', 'MT002', 'Relations between the two allies are strained.'),
    ('The investors made grey face after the results.', 'MT002', 'The investors looked glum after the results.'),
    ('A character high in colour, the mayor is popular.', 'MT002', 'A colourful character, the mayor is popular.'),
    ('The migrants slept under the beautiful star.', 'MT002', 'The migrants slept in the open.'),
    ('The government opposed an end of non-receipt to the unions.', 'MT002', "The government flatly refused the unions' demands."),
    ('The prime minister took act of the vote.', 'MT002', 'The prime minister took note of the vote.'),
    ('Small businesses made the costs of the crisis.', 'MT002', 'Small businesses bore the brunt of the crisis.'),
    ('Energy prices rose in arrow this winter.', 'MT002', 'Energy prices soared this winter.'),
    ('The negotiations are at the dead point.', 'MT002', 'The negotiations are at a standstill.'),
    ('The party is in loss of speed in the polls.', 'MT002', 'The party is losing momentum in the polls.'),
    ('With this title he buckles the loop.', 'MT002', 'With this title he comes full circle.'),
    ('Each minister pulls the blanket to himself.', 'MT002', 'Each minister hogs the credit.'),
    ('The audit raised a hare in the accounts.', 'MT002', 'The audit uncovered a problem in the accounts.'),
    ('It is a duck cold this morning in Strasbourg.', 'MT002', 'It is bitterly cold this morning in Strasbourg.'),
    ("A dog's weather is expected for the weekend.", 'MT002', 'Foul weather is expected for the weekend.'),
    ('His speech gave me chicken skin.', 'MT002', 'Roast the chicken skin until crispy.'),
    ('The arrest set fire to the powders in the suburbs.', 'MT002', 'The arrest sparked riots in the suburbs.'),
    ('Several countries took the train in motion.', 'MT002', 'Several countries jumped on the bandwagon.'),
    ('The coach put the clocks back on time with a strong speech.', 'MT002', 'Remember to put the clocks back an hour on Sunday for daylight saving.'),
    ('The new board made a clean table of the past.', 'MT002', 'The new board wiped the slate clean.'),
    ('With this law the government shot a bullet in its own foot.', 'MT002', 'With this law the government shot itself in the foot.'),
    ('The minister stepped back to better jump.', 'MT002', 'The minister stepped back from the podium.'),
    ('The workers can make a cross on their bonus.', 'MT002', 'The workers can write off their bonus.'),
    ('The fans sanded the champagne after the title.', 'MT002', 'The fans cracked open the champagne after the title.'),
    ('The play made an oven in Paris.', 'MT002', 'The play flopped in Paris.'),
    ('The fans woke up with a wooden mouth.', 'MT002', 'The fans woke up with a hangover.'),
    ('The whole country makes the head since the defeat.', 'MT002', 'The whole country is sulking since the defeat.'),
    ('When the boss is away, the mice dance.', 'MT002', "When the cat's away, the mice will play."),
    ('Nothing is settled: we are on the wire of the razor.', 'MT002', 'Nothing is settled: we are on a knife-edge.'),
    ('Their dominance was beaten in breach by the newcomers.', 'MT002', 'Their dominance was undermined by the newcomers.'),
]

STRUCTURE: list[tuple[str, str, str]] = [
    ('At the current hour, no suspect has been arrested.', 'MT005', 'At present, no suspect has been arrested.'),
    ('At the view of the figures, the plan failed.', 'MT005', 'In view of the figures, the plan failed.'),
    ('No decision has been taken for the instant.', 'MT005', 'No decision has been taken for now.'),
    ('The club has of hours and already qualified.', 'MT005', 'The club has already qualified.'),
    ('At the issue of the meeting, the unions left.', 'MT005', 'At the end of the meeting, the unions left.'),
    ('At the term of a long trial, he was acquitted.', 'MT005', 'At the end of a long trial, he was acquitted.'),
    ('The two leaders met in the margin of the G20 summit.', 'MT005', 'The two leaders met on the sidelines of the G20 summit.'),
    ('At the approach of the elections, tension is rising.', 'MT005', 'With the elections approaching, tension is rising.'),
    ('The document was sent upstream of the summit.', 'MT005', 'The document was sent ahead of the summit.'),
    ('At the thread of the years, the town has changed.', 'MT005', 'Over the years, the town has changed.'),
    ('The virus is spreading at the scale of the country.', 'MT005', 'The virus is spreading across the country.'),
    ('At the day after of the vote, the party was divided.', 'MT005', 'The day after the vote, the party was divided.'),
    ('At the eve of the summit, Paris was calm.', 'MT005', 'On the eve of the summit, Paris was calm.'),
    ('Nurses, at the same title as doctors, will get a bonus.', 'MT005', 'Nurses, like doctors, will get a bonus.'),
    ('The mayor said near AFP that he would resign.', 'MT005', 'The mayor told AFP that he would resign.'),
    ('The works should be finished from here the end of the year.', 'MT005', 'The works should be finished by the end of the year.'),
    ('By elsewhere, the minister announced new funding.', 'MT005', 'Elsewhere, the minister announced new funding.'),
    ('The team, by against, lost all its matches.', 'MT005', 'The team, by contrast, lost all its matches.'),
    ('The crisis is not over for as much.', 'MT005', 'The crisis is not over for as much as a year.'),
    ('Two countries, to know, France and Spain, refused.', 'MT005', 'Two countries, namely France and Spain, refused.'),
    ('To note, the museum will be closed on Monday.', 'MT005', 'To note the date, he wrote it down.'),
    ('Students in situation of handicap will get help.', 'MT005', 'Students with disabilities will get help.'),
    ('The most part of the residents left.', 'MT005', 'For the most part, the residents left.'),
    ('He trains all the days at the stadium.', 'MT005', 'He trains every day at the stadium.'),
    ('The attack took place in the morning of Tuesday.', 'MT005', 'The attack took place on Tuesday morning.'),
    ('The video was shared on Internet.', 'MT005', 'The video was shared on the Internet.'),
    ('A man of 45 years was arrested.', 'MT005', 'A man of 45 was arrested.'),
    ('It has been three years that he lives in Lyon.', 'MT006', 'It has been three years since he moved to Lyon.'),
    ('It is the first time that he comes to Quebec.', 'MT006', 'It is the first time that he has come to Quebec.'),
    ('The suspect has been arrested yesterday in Marseille.', 'MT006', 'The suspect has been held since yesterday in Marseille.'),
    ('It suits to remain cautious.', 'MT006', 'It pays to remain cautious.'),
    ('It is to note that the law was never applied.', 'MT006', 'It should be noted that the law was never applied.'),
    ('It remains to know whether the plan will work.', 'MT006', 'It remains to be seen whether the plan will work.'),
    ('Force is to note that the reform failed.', 'MT006', 'One has to admit that the reform failed.'),
    ('The government will make in sort that prices fall.', 'MT006', 'The government will ensure that prices fall.'),
    ('Gold, the minister had promised the opposite.', 'MT001', 'Gold, silver and bronze medals were handed out.'),
]

# Found by probing fresh MT-like sentences after the first pass (sentencing, speeches, strikes and
# transport, elections, football, weather): the lexicon has to generalise beyond the seed.
PROBED: list[tuple[str, str, str]] = [
    ('A vast police device was deployed around the stadium on Saturday.', 'MT001', 'A suspicious device was found near the stadium on Saturday.'),
    ('The new device provides for a bonus of 500 euros for families.', 'MT001', 'The new device provides a battery life of ten hours.'),
    ('The prefect took a decree prohibiting the demonstration.', 'MT001', 'The prefect issued an order banning the demonstration.'),
    ('The Prime Minister engaged the responsibility of the government.', 'MT001', 'The Prime Minister took responsibility for the failure.'),
    ('According to our information, the minister will resign.', 'MT008', 'According to police, the minister will resign.'),
    ('The young man was placed in preventive detention by the judge.', 'MT001', 'The young man was remanded in custody by the judge.'),
    ('He was condemned to five years of prison.', 'MT001', 'He was sentenced to five years in prison.'),
    ('The mayor declared himself favorable to the project.', 'MT006', 'The mayor said he was in favour of the project.'),
    ('The unions called to a new strike on Thursday.', 'MT005', 'The unions called for a new strike on Thursday.'),
    ('A tenth day of mobilization is planned.', 'MT001', 'A tenth day of protests is planned.'),
    ('Prices jumped 12% on one year.', 'MT005', 'Prices jumped 12% over a year.'),
    ('The government wants to move fast on this file, the minister said.', 'MT001', 'Open this file in a text editor.'),
    ('The attack happened in the night from Saturday to Sunday.', 'MT005', 'The attack happened overnight from Saturday to Sunday.'),
    ('The president will express himself on Sunday evening.', 'MT006', 'The president expressed himself clearly.'),
    ('He pronounced a speech in front of the Congress.', 'MT001', 'He delivered a speech in front of the Congress.'),
    ('Firefighters managed to circumscribe the fire overnight.', 'MT001', 'Firefighters managed to contain the fire overnight.'),
    ('Twelve departments were placed in alert.', 'MT005', 'Twelve departments were placed on alert.'),
    ('The suspect recognized the facts in custody.', 'MT001', 'The suspect recognized the victim in the photo.'),
    ('The victim was evacuated towards the hospital of Nantes.', 'MT005', 'The victim was taken to hospital in Nantes.'),
    ('The striker marked his tenth goal of the season.', 'MT001', 'The striker scored his tenth goal of the season.'),
    ('The coach made confidence to his young players.', 'MT002', 'The coach trusted his young players.'),
    ('It is a decision that goes in the good direction.', 'MT002', 'It is a decision that goes in the right direction.'),
    ('The situation remains preoccupying.', 'MT001', 'The situation remains worrying.'),
    ('The deputies adopted the text on immigration.', 'MT001', "The sheriff's deputies adopted new rules."),
    ('The text was adopted in first reading.', 'MT005', 'The text was adopted at first reading.'),
    ('The company realized a turnover of 3 billion euros.', 'MT001', 'The company realized a profit on the sale.'),
    ('The investigators privilege the track of a settling of scores.', 'MT001', 'The investigators favour the theory of a settling of scores.'),
    ('The trial of the attacks opened on Monday in front of the special assize court.', 'MT005', 'Protesters gathered in front of the court on Monday.'),
    ('The defense lawyer pleaded the acquittal of his client.', 'MT001', 'The defense lawyer asked for his client to be acquitted.'),
    ('The accused faces up to 20 years of criminal imprisonment.', 'MT001', 'The accused faces up to 20 years in prison.'),
    ('The accused risks up to 20 years in prison.', 'MT001', 'The accused faces up to 20 years in prison.'),
    ('The government has released an emergency aid for the farmers.', 'MT001', 'The government has released an emergency aid package for farmers.'),
    ('The strike is very followed in the schools.', 'MT001', 'The strike is widely observed in the schools.'),
    ('Traffic was strongly disturbed on the metro on Thursday.', 'MT001', 'Traffic was severely disrupted on the metro on Thursday.'),
    ('Delays are expected on the line 13 of the metro.', 'MT005', 'Delays are expected on metro line 13.'),
    ('The unions denounce a forced passage of the government on pensions.', 'MT001', 'The unions denounce the government for forcing the pension reform through.'),
    ('The candidate came in head in the first round.', 'MT001', 'The candidate came first in the first round.'),
    ('The candidate of the right won 30% of the vote.', 'MT005', 'The right-wing candidate won 30% of the vote.'),
    ('The polls give him winner with 52% of the votes.', 'MT006', 'The polls show him winning with 52% of the votes.'),
    ('Lyon won on the lawn of Lens on Sunday.', 'MT005', 'Lyon won away at Lens on Sunday.'),
    ('The match was stopped at the 70th minute.', 'MT005', 'The match was stopped in the 70th minute.'),
    ('The goalkeeper made several decisive stops.', 'MT001', 'The bus made several stops before the stadium.'),
    ('Temperatures will be in net decline this weekend.', 'MT005', 'Temperatures will be in sharp decline this weekend.'),
    ('The hospital is under tension because of the epidemic, with no beds left.', 'MT001', 'Diplomatic relations remain under tension.'),
    ('The minister evoked a worrying situation in the hospitals.', 'MT001', 'The song evoked a nostalgic atmosphere.'),
    ('The number of new cases is rising since a week.', 'MT006', 'The number of new cases has been rising for a week.'),
    ('The hospital deprogrammed several surgeries.', 'MT001', 'The hospital postponed several surgeries.'),
    ('The CEO was questioned by the parliamentary commission.', 'MT001', 'The CEO was questioned by the parliamentary committee.'),
    ('The CEO of the company was heard by the commission of inquiry.', 'MT001', 'The appeal was heard by the court.'),
    ('The central bank decided to raise its director rate.', 'MT001', 'The central bank decided to raise its key rate.'),
    ('The unemployment rate passed under the bar of 7%.', 'MT002', 'The unemployment rate fell below 7%.'),
    ('The government foresees a growth of 1.4% next year.', 'MT001', 'The government forecasts growth of 1.4% next year.'),
    ('The exhibition will be visible until the end of January.', 'MT001', 'The comet will be visible until the end of January.'),
    ('The singer will perform in the framework of his tour.', 'MT005', 'The singer will perform as part of his tour.'),
    ("The film was crowned by the Palme d'or in Cannes.", 'MT001', "The film won the Palme d'or in Cannes."),
    ('The writer died at the age of 89 years.', 'MT005', 'The writer died at the age of 89.'),
    ('The funeral will take place in the intimacy.', 'MT002', 'The funeral will be held privately.'),
    ('The two countries signed an agreement of cooperation.', 'MT005', 'The two countries signed a memorandum of understanding.'),
    ('Humanitarian organizations alert on the risk of famine.', 'MT001', 'Humanitarian organizations warn of the risk of famine.'),
    ('The town launched a call to tenders for the school.', 'MT005', 'The town launched a call for tenders for the school.'),
    ('Residents complain about the nuisances.', 'MT008', 'Residents complain about the noise.'),
    ('The council voted at the unanimity.', 'MT005', 'The council voted unanimously.'),
    ('The mayor will present himself again at the next municipal elections.', 'MT006', 'The mayor will run again in the next municipal elections.'),
    ('The parking will be forbidden on these streets.', 'MT005', 'Parking will be banned on these streets.'),
    ('The driver lost the control of his vehicle.', 'MT005', 'The driver lost control of his vehicle.'),
    ('The young conductor was caught at 150 km/h on the highway.', 'MT001', 'The young conductor led the orchestra.'),
    ('The road will remain closed to the circulation.', 'MT001', 'The road will remain closed to traffic.'),
    ('The teachers are in strike since Monday.', 'MT005', 'The teachers have been on strike since Monday.'),
    ('Students will have to wear the mask in class.', 'MT005', 'He wore the mask of a clown.'),
    ('The inflation weighs on households.', 'MT005', 'The inflation rate rose in May.'),
    ('The UN called to an immediate ceasefire.', 'MT005', 'The UN called for an immediate ceasefire.'),
    ('The suspect was interpellated at his home early in the morning.', 'MT001', 'The suspect was arrested at his home early in the morning.'),
    ('He was arrested at his domicile on Monday.', 'MT001', 'He was arrested at his home on Monday.'),
    ('The investigation was confided to the judicial police.', 'MT001', 'The investigation was entrusted to the judicial police.'),
    ('The case will be judged in appeal next year.', 'MT005', 'The case will be heard on appeal next year.'),
    ('The accident made three dead and two wounded.', 'MT002', 'The accident killed three people and injured two.'),
    ('The tornado caused considerable damages to the buildings.', 'MT001', 'The jury awarded considerable damages to the plaintiff.'),
    ('The firemen needed several hours to master the fire.', 'MT001', 'The firemen needed several hours to bring the fire under control.'),
    ('The negotiations between the unions and the direction failed.', 'MT001', 'The negotiations between the unions and management failed.'),
    ('The team qualified itself for the final.', 'MT006', 'The team qualified for the final.'),
    ('They won the final at the penalties.', 'MT005', 'They won the final on penalties.'),
    ('The striker was forfeited for the match because of an injury.', 'MT001', 'The striker was ruled out of the match because of an injury.'),
    ('The referee sanctioned the defender with a red card.', 'MT001', 'The referee sent the defender off.'),
    ('The Canadian won the gold medal in the descent.', 'MT001', 'The Canadian won the gold medal in the downhill.'),
    ('The meteorologists foresee abundant precipitations.', 'MT001', 'Forecasters expect heavy precipitation.'),
    ('The population is asked to limit its movements during the storm.', 'MT001', 'The population is asked to avoid travel during the storm.'),
    ('The minister announced a reinforcement of the means allocated to the courts.', 'MT001', 'The minister announced more resources for the courts.'),
    ('Residents protested the closure of the maternity at the hospital.', 'MT001', 'Residents protested the closure of the maternity ward.'),
    ('The premier refused to comment the information published by the newspaper.', 'MT005', 'The premier refused to comment on the information published by the newspaper.'),
    ('The federal government will verse 50 million dollars to the province.', 'MT001', 'The federal government will pay 50 million dollars to the province.'),
    ('The man was charged of second-degree murder.', 'MT005', 'The man was charged with second-degree murder.'),
    ('The families obtained a compensation of 2 million.', 'MT001', 'The families obtained compensation of 2 million.'),
    ('Hydro-Québec hopes to reestablish the current by tonight.', 'MT001', 'Hydro-Québec hopes to restore power by tonight.'),
    ('The Canadiens lost in front of their partisans at the Bell Centre.', 'MT001', 'The Canadiens lost in front of their fans at the Bell Centre.'),
    ('The forward was victim of a commotion during the match.', 'MT001', 'The forward suffered a concussion during the match.'),
    ('The crisis hits hard the big cities.', 'MT006', 'The crisis hits the big cities hard.'),
    ('The rents increased of 8% in one year.', 'MT005', 'Rents increased by 8% in one year.'),
    ('The actor received the prize of the best interpretation.', 'MT001', 'The actor received the best actor award.'),
    ('The novel was translated in some 20 languages.', 'MT005', 'The novel was translated into some 20 languages.'),
    ('The refugees crossed the border at the level of Roxham Road.', 'MT005', 'The refugees crossed the border at Roxham Road.'),
    ('The government wants to privilege the francophone immigrants.', 'MT001', 'The government wants to favour francophone immigrants.'),
    ('The goalkeeper realized 35 saves during the match.', 'MT001', 'The goalkeeper made 35 saves during the match.'),
]


# Native news English built on the very words the entries key on (device, order, conductor, deputies,
# damages, strain, direction ...): none of these may raise an MT flag.
NATIVE_NEWS: list[str] = [
    'Police found an explosive device near the embassy on Tuesday.',
    'Sanitary conditions in the camp were appalling, aid workers said.',
    'Inspectors found the kitchen met sanitary standards and requirements.',
    'The governor issued an executive order banning gatherings of more than 50 people.',
    'She was sentenced to five years in prison for fraud.',
    'Members of Parliament voted 310 to 250 to approve the bill at second reading.',
    'The Fed raised its benchmark rate by a quarter point.',
    'The unemployment rate fell below 4% for the first time since 2019.',
    "The museum's new exhibition opens to the public on Friday.",
    'The funeral was held privately, the family said in a statement.',
    'The two countries signed a trade agreement on Monday.',
    'Aid agencies warned of a looming famine in the region.',
    'The city issued a call for tenders for the new bridge.',
    'Residents have complained about noise from the construction site.',
    'The council voted unanimously to approve the budget.',
    'The mayor is running for re-election next year.',
    'Parking is banned on both sides of the street during snow removal.',
    'The driver lost control of the car on the icy road.',
    'The conductor stopped the train after a passenger fell ill.',
    'The road was closed to traffic for several hours.',
    'Teachers have been on strike since Monday.',
    'Masks are no longer mandatory on public transport.',
    'Inflation weighs on household budgets across the country.',
    'The UN called for an immediate ceasefire in Gaza.',
    'He has been in hospital since last week.',
    'The deputy leader of the party resigned on Friday.',
    "The sheriff's deputies arrested two men on Thursday.",
    'The defendant pleaded not guilty to all charges.',
    'Prosecutors said the suspect faces up to 20 years in prison.',
    'The government announced a $2 billion aid package for farmers.',
    'Train services were severely disrupted by the storm.',
    'The Conservative candidate won 42% of the vote.',
    'The goalkeeper made several key saves in the second half.',
    'Hospitals are under severe strain as the flu season peaks.',
    'The minister mentioned the possibility of new sanctions.',
    'The company posted record revenue of $3 billion in the quarter.',
    'The trial opened on Monday before a packed courtroom.',
    'The plane took off on schedule despite the delays.',
    'The firefighters brought the blaze under control overnight.',
    'She delivered a speech at the United Nations General Assembly.',
    'The committee will hear testimony from the chief executive on Tuesday.',
    'The rescue teams arrived within minutes of the crash.',
    'He realized that the deal would not go through.',
    'The government provides for a tax credit for low-income families.',
    'The law, which takes effect next year, provides for stiffer penalties.',
    'Prices rose 3% on the year, according to Statistics Canada.',
    'His performance drew praise from critics.',
    'The team scored twice in the last ten minutes.',
    'The investigation is ongoing, police said.',
    'The minister has been under pressure to resign since the scandal broke.',
    'Officers intervened to break up the fight.',
    'It is the first time that the company has reported a loss.',
]


# Page furniture (BP001) and credit lines (BP002), each alone on its line, and body sentences
# that share their words but are article text.
FURNITURE: list[str] = [
    'The rest after this advertisement',
    'To read also: Ottawa unveils its budget',
    'Subscribe to our newsletter',
    'Share on Facebook',
    'Comments are closed.',
    'This article was originally published in French.',
    'This article is a translation of a French text.',
    'Updated at 10:32',
    'Published on 16 June 2021 at 10:32',
    'Last update: June 16, 2021',
    'Published on 16/06/2021 at 10:32 Updated on 16/06/2021 at 11:02',
    'Reading time: 3 min',
    '(Agence France-Presse)',
    'Le Monde with AFP',
    'franceinfo with AFP',
    'Based on information from AFP',
    'By continuing your navigation, you accept the use of cookies.',
    'Accept and close',
    'Continue without accepting',
    'Follow us on social networks',
    'Download our mobile application',
    'Receive our newsletter',
    'Do not miss anything from the news by subscribing to our newsletter',
    'You want to react? Log in',
    'Report abuse',
    'Read the rest',
    'The continuation of the article',
    'Also to see',
    'To see also',
    'Watch also',
    'In live',
    'Last minute',
    'The most read',
    'These articles may interest you',
    'Send by email',
    'Copy the link',
    'Decrease font size',
    'Add to my favorites',
    'I subscribe',
    'Subscribe for 1 euro',
    'Article reserved for subscribers',
    'Back to the home page',
    'Top of the page',
    'To research',
    'To know more',
    'Did you notice an error?',
    'Legal mentions',
    'Confidentiality policy',
    'Any reproduction is prohibited',
    'Archive photo',
    'Photo of illustration',
    'Photo provided by the police',
    'Screenshot / Twitter',
    'From our correspondent in Brussels',
    'The editorial staff',
    'Advertising - Continue reading below',
    'Then after this ad',
    'Rest below',
    '10 h 32',
    'Today at 10:32',
    '2 hours ago',
    'There are 2 hours',
    'Abonnez-vous',
    'Partager sur Facebook',
    'Envoyer par courriel',
    'Photo: Belga/Benoit Doppagne',
    'KEYSTONE/Salvatore Di Nolfi',
    'Photo: Maxppp',
    'Agence QMI',
    'Jean Dupont / Le Parisien',
    'TVA Nouvelles',
    'Tribune de Genève',
    'Keystone-ATS',
    'RTBF',
]

BODY_TEXT: list[str] = [
    'He spoke with AFP on Monday.',
    'Back to school starts on Tuesday for 1.2 million pupils.',
    'More information will be released next week.',
    'In short, nobody knows what the minister wants.',
    'Follow the money, the prosecutor said.',
    'The editorial board of the newspaper resigned on Friday.',
    'Health Minister Jean-Yves Duclos announced the measure.',
    'Save the planet, the protesters chanted in Paris.',
    'According to AFP, the ship sank on Tuesday.',
    'Politics in Quebec has changed since 2018.',
    'It was two hours ago that the fire started in the building.',
    'Le Monde and AFP reported the death of the former minister on Sunday.',
    'Updated figures show a 3% rise in unemployment.',
    'Published in 1998, the report was never acted upon.',
    'The story continues to unfold in Ottawa.',
    'Subscribers to the service will pay more from January.',
    'Premium gasoline prices rose 4 cents overnight.',
    'Brief clashes broke out near the stadium.',
    'Search operations resumed at dawn on Wednesday.',
    'Weather permitting, the launch will take place on Friday.',
]


ALL_CASES = FALSE_FRIENDS + IDIOMS + STRUCTURE + PROBED


@pytest.mark.parametrize(("bad", "code", "good"), ALL_CASES, ids=[c[0][:48] for c in ALL_CASES])
def test_lexicon_pair(checker: Checker, bad: str, code: str, good: str) -> None:
    found = mt_flags(checker, bad)
    assert code in {c for c, _ in found}, f"{code} expected in {bad!r}, got {found}"
    assert mt_flags(checker, good) == [], f"correct English flagged: {good!r}"


def _bench_english(n: int) -> Iterator[str]:
    spec = importlib.util.spec_from_file_location("bench_corpus", REPO / "scripts" / "bench_corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    seen: set[str] = set()
    for en, _fr in mod.make_pairs(n):
        if en not in seen:
            seen.add(en)
            yield en


def test_bench_corpus_english_raises_no_mt_flag(checker: Checker) -> None:
    hits = [(s, f) for s in _bench_english(5000) for f in mt_flags(checker, s)]
    assert hits == [], hits[:10]


def _novel_sentences() -> Iterator[tuple[str, str]]:
    sacremoses = pytest.importorskip("sacremoses")
    if not NOVELS.is_dir():
        pytest.skip("../shared TransRead novels are absent")
    detok = sacremoses.MosesDetokenizer("en")
    for path in sorted(NOVELS.glob("*.en")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield path.stem, detok.detokenize(line.split())


def test_novels_raise_at_most_one_lexicon_flag_per_1000_sentences(checker: Checker) -> None:
    n = 0
    hits: list[tuple[str, str, str]] = []
    for book, sentence in _novel_sentences():
        n += 1
        hits.extend((book, code, span) for code, span in mt_flags(checker, sentence, LEXICON_CODES))
    assert n > 5000
    unexpected = [h for h in hits if (h[0], h[2]) not in KNOWN_NOVEL_CALQUES]
    assert unexpected == [], unexpected
    native = [h for h in hits if h[0] in NATIVE_NOVELS]
    assert native == [], native
    # the remaining hits are the old translators' own calques: about one per 1,000 lines
    assert len(hits) <= max(6, n // 1000), hits


def test_lexicon_is_fast_on_a_long_run_on_text(checker: Checker) -> None:
    # every positive sentence glued without paragraph breaks: the near/unless windows and the
    # lazy context patterns all fire on a long text. A backtracking pattern would blow up there,
    # so the CPU time on the long text is compared with the same sentences checked one by one
    # (a ratio, not seconds: it holds on a busy or slow machine). Every candidate entry scans the
    # whole text, so the ratio is above 1 by itself: about 9 with the lexicons of 2026-11-29.
    pieces = [b + " " + g for b, _c, g in ALL_CASES] * 3
    text = " ".join(pieces)
    t0 = time.process_time()
    flags = mt_flags(checker, text)
    glued = time.process_time() - t0
    t0 = time.process_time()
    for piece in pieces:
        mt_flags(checker, piece)
    apart = time.process_time() - t0
    assert len(flags) >= len(ALL_CASES)
    detail = f"{glued:.2f}s glued, {apart:.2f}s sentence by sentence ({len(text)} characters)"
    assert glued < 25 * apart, detail
    assert glued < 60, detail  # exponential backtracking blows up sentence by sentence too


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_line_is_flagged(checker: Checker, line: str) -> None:
    codes = {f.code for f in checker.check_text(line + "\n")}
    assert codes & {"BP001", "BP002"}, f"furniture not flagged: {line!r}"


@pytest.mark.parametrize("line", BODY_TEXT)
def test_body_sentence_is_not_furniture(checker: Checker, line: str) -> None:
    codes = {f.code for f in checker.check_text(line + "\n")}
    assert not codes & {"BP001", "BP002"}, f"article text taken for furniture: {line!r}"


def test_novels_and_bench_lines_are_not_furniture(checker: Checker) -> None:
    lines = list(_bench_english(3000)) + [s for _b, s in _novel_sentences()]
    hits = [s for s in lines if {f.code for f in checker.check_text(s + "\n")} & {"BP001", "BP002"}]
    assert hits == [], hits[:10]


@pytest.mark.parametrize("sentence", NATIVE_NEWS)
def test_native_news_sentence_raises_no_mt_flag(checker: Checker, sentence: str) -> None:
    assert mt_flags(checker, sentence) == []
