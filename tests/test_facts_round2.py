"""Round two of fact tests: fresh news sentences (AP, Reuters, BBC, AFP and local styles) for the weak families.

Written before the extractors were changed, as a check that the rules generalise beyond the eval set.
"""

from __future__ import annotations

import re

import pytest

from reader.nlp.facts import extract_facts
from tests.facts_helpers import facts_of, make_doc

# ---------------------------------------------------------------------------------------------- casualties

CASUALTIES = [
    ("A suicide bomber killed at least 14 people at a checkpoint in northern Syria on Sunday, a war monitor said.",
     [(14, None)]),
    ("Authorities said 31 people were killed and more than 100 wounded when the train derailed.", [(31, 100)]),
    ("The fire, which broke out shortly after midnight, killed three firefighters.", [(3, None)]),
    ("A 62-year-old woman died at the scene, police said.", [(1, None)]),
    ("Local media reported that six people were injured, two of them seriously.", [(None, 6)]),
    ("Israeli strikes killed 27 Palestinians overnight, health officials said.", [(27, None)]),
    ("The attack left 12 soldiers dead and 9 wounded.", [(12, 9)]),
    ("Five people died after their boat capsized off the coast of Lampedusa.", [(5, None)]),
    ("At least 40 people have been killed in clashes in the capital since Friday, medics said.", [(40, None)]),
    ("The death toll from the floods has risen to 31, up from 24 on Tuesday.", [(31, None)]),
    ("Four police officers were shot and wounded during the standoff.", [(None, 4)]),
    ("The blast killed two and injured 15, according to state media.", [(2, 15)]),
    ("Twenty-three migrants drowned when their dinghy sank.", [(23, None)]),
    ("Two people were killed in Kharkiv, while three others died in a separate attack on Odesa.",
     [(2, None), (3, None)]),
    ("Dozens were hurt and at least seven killed in the stampede.", [(7, None)]),
    ("A man was killed and two women were injured when a car struck a bus shelter in Leeds.", [(1, 2)]),
    ("Gunmen killed 11 villagers in Zamfara state, a police spokesman said.", [(11, None)]),
    ("Eight people lost their lives in the landslide, the regional governor said.", [(8, None)]),
    ("The ministry said 1,200 soldiers had been wounded in the past month.", [(None, 1200)]),
    ("At least 18 people were killed and 43 injured in a bombing at a market in Mogadishu.", [(18, 43)]),
    ("The quake killed 2,100 people and injured more than 9,000, the government said.", [(2100, 9000)]),
    ("Three soldiers were killed and five others wounded when their vehicle hit a mine, the army said.", [(3, 5)]),
    # people taken to hospital after a crash are counted as injured, as "hospitalised" is
    ("Fourteen people died in the crash and 30 were taken to hospital.", [(14, 30)]),
    ("Two Israeli soldiers were killed in fighting in southern Gaza, the military said.", [(2, None)]),
    ("The shelling wounded nine civilians, including a child, the regional governor said.", [(None, 9)]),
    ("Ten people were killed on Sunday when a fuel tanker exploded near Nairobi.", [(10, None)]),
    ("Officials put the number of dead at 73.", [(73, None)]),
    ("The blaze killed 9 residents of the care home and injured 11 staff.", [(9, 11)]),
    ("The bombing, the deadliest in years, killed 58 worshippers.", [(58, None)]),
    ("A second person has died in hospital, bringing the death toll to three.", [(3, None)]),
    ("Last month, twelve people died when a truck hit a minibus, and in 2023 a crash left 52 dead and 30 injured.",
     [(12, None), (52, 30)]),
    ("The crowd remembered the 97 fans who died in the disaster.", [(97, None)]),
    ("Russia said its forces had killed up to 140 Ukrainian soldiers over the past day.", [(140, None)]),
    ("An explosion at a fireworks factory killed six workers and injured 20 on Thursday, AFP reported.", [(6, 20)]),
    ("Police said 4 pedestrians were hurt when the van mounted the pavement.", [(None, 4)]),
    ("Seventeen people were killed, dozens were wounded and hundreds were displaced.", [(17, None)]),
    # probes added while fixing (not part of the before-change batch)
    ("A 19-year-old man was stabbed to death in Croydon on Friday night.", [(1, None)]),
    ("Two teenagers were shot to death outside a school.", [(2, None)]),
]


@pytest.mark.parametrize("text, expected", CASUALTIES, ids=[c[0][:40] for c in CASUALTIES])
def test_casualties_round2(text: str, expected: list) -> None:
    found = facts_of(text, "casualties")
    assert [(f["killed"], f["injured"]) for f in found] == expected


NO_CASUALTIES = [
    "No one was hurt in the blast, officials said.",
    "Nobody was injured, the fire service said.",
    "Among the dead were two children and a nurse.",
    "Hospital officials said 17 of the injured were in critical condition.",
    "The virus has killed thousands over the past decade.",
    "Dozens were hurt in the scuffles outside the stadium.",
    "The company said the plan would kill 400 jobs.",
    "The law is named after a 9-year-old girl who was killed in 2015.",
    "The injury ruled him out for six weeks.",
    "Two of the injured were later discharged.",
    "He said the 12 rescued miners were in good health.",
    "Twenty-one passengers escaped unhurt.",
]


@pytest.mark.parametrize("text", NO_CASUALTIES, ids=[c[:40] for c in NO_CASUALTIES])
def test_no_casualties_round2(text: str) -> None:
    assert facts_of(text, "casualties") == []


def _doc_casualties(text: str) -> list[tuple]:
    doc = make_doc(text)
    return [(f.fields["killed"], f.fields["injured"]) for f in extract_facts(doc) if f.kind == "casualties"]


def test_headline_restating_the_toll_is_one_fact() -> None:
    text = ("Bus crash kills 12 in Kenya\n\nTwelve people were killed and 30 injured when a bus left the road "
            "near Kericho on Sunday, police said. Police said the 12 dead included the driver.")
    assert _doc_casualties(text) == [(12, 30)]


def test_updated_toll_supersedes_the_earlier_one() -> None:
    text = ("Floods killed 24 people in the north on Monday. By Wednesday the death toll had risen to 31, "
            "officials said.")
    assert _doc_casualties(text) == [(31, None)]


def test_partial_restatement_later_in_the_article_is_dropped() -> None:
    text = ("A drone strike killed eight people and wounded 26 in Odesa overnight, the governor said. "
            "The eight killed included two children, he added.")
    assert _doc_casualties(text) == [(8, 26)]


def test_separate_incidents_with_different_counts_stay_separate() -> None:
    text = ("Two people were killed in a strike on Kharkiv on Monday. "
            "In a separate attack, five people were injured in Sumy.")
    assert _doc_casualties(text) == [(2, None), (None, 5)]


# ---------------------------------------------------------------------------------------------- votes

VOTES = [
    ("The Senate passed the bill 61-39 late on Thursday.", (61, 39, None)),
    ("MPs backed the motion by 312 votes to 287.", (312, 287, None)),
    ("The Commons rejected the amendment by 319 votes to 276.", (276, 319, None)),
    ("The measure failed 48-52.", (48, 52, None)),
    ("The Security Council adopted the resolution unanimously, 15-0.", (15, 0, None)),
    ("The resolution was approved with 12 in favour, one against and two abstentions.", (12, 1, 2)),
    ("The Supreme Court ruled 6-3 that the ban was lawful.", (6, 3, None)),
    ("The House voted 220-207 to impeach the secretary.", (220, 207, None)),
    ("The bill cleared the Senate on a 68-31 vote.", (68, 31, None)),
    ("The General Assembly voted 153 to 10, with 23 abstentions, to demand a ceasefire.", (153, 10, 23)),
    ("The council approved the plan by a 7-2 vote on Tuesday night.", (7, 2, None)),
    ("The motion was defeated by 251 votes to 211.", (211, 251, None)),
    ("Lawmakers approved the budget 89-9, with two abstaining.", (89, 9, 2)),
    ("The nomination was confirmed 51-49 on Wednesday.", (51, 49, None)),
    ("In a 5-4 decision, the justices sided with the state.", (5, 4, None)),
    ("The Bundestag approved the package with 374 votes in favour, 267 against and 42 abstentions.", (374, 267, 42)),
    ("The board voted 9-2 to approve the merger.", (9, 2, None)),
    ("The treaty was ratified by 64 votes to 1.", (64, 1, None)),
    ("The assembly voted 99-34, with 13 abstentions, to suspend Russia from the council.", (99, 34, 13)),
    ("The city council voted 8 to 3 on Monday to ban the sale of flavoured vapes.", (8, 3, None)),
    ("The motion of no confidence fell short, with 226 MPs voting in favour and 224 against.", (226, 224, None)),
    ("The European Parliament endorsed the law with 499 votes to 112 and 47 abstentions.", (499, 112, 47)),
    ("The jury voted 10-2 to convict.", (10, 2, None)),
    ("The bill was voted down 45-55.", (45, 55, None)),
    ("The union's members rejected the offer by 1,240 votes to 980.", (980, 1240, None)),
    ("Some 130 countries voted in favour, 8 voted against and 41 abstained.", (130, 8, 41)),
    ("Senators voted 50-50, and the vice president broke the tie.", (50, 50, None)),
    ("The court's 7-2 ruling overturned a lower court decision.", (7, 2, None)),
    ("The text was adopted by a show of hands, 27 to 0, with two members abstaining.", (27, 0, 2)),
    ("The bill passed the House on a vote of 218 to 214.", (218, 214, None)),
]


@pytest.mark.parametrize("text, expected", VOTES, ids=[c[0][:40] for c in VOTES])
def test_votes_round2(text: str, expected: tuple) -> None:
    found = facts_of(text, "vote")
    assert [(f["for"], f["against"], f["abstain"]) for f in found] == [expected]


NO_VOTES = [
    "Fourteen of the 20 economists polled expected a hold and seven a cut.",
    "Of the analysts surveyed, 14 expected a hold and seven a cut.",
    "Arsenal won 3-1 at the Emirates on Saturday.",
    "The Chiefs secured a 27-24 victory over the Eagles.",
    "The resolution calls for a 30-day ceasefire.",
    "The bill would raise the age limit from 16 to 18.",
    "The committee has 12 members and meets twice a year.",
    "The court sentenced him to 5 to 10 years in prison.",
    "The Lakers beat the Celtics 112-104 in overtime.",
    "In a poll of 1,000 voters, 540 backed the measure.",
    "The Senate is expected to vote on the bill next week.",
    "The ruling party won 12 of the 20 seats.",
]


@pytest.mark.parametrize("text", NO_VOTES, ids=[c[:40] for c in NO_VOTES])
def test_no_votes_round2(text: str) -> None:
    assert facts_of(text, "vote") == []


# ---------------------------------------------------------------------------------------------- exchanges

EXCHANGES = [
    ("On the fourth day of the truce, which began on 24 November, Hamas freed 12 hostages in return for "
     "150 prisoners.", [12, 150]),
    ("Ukraine handed over 6 detainees while receiving 9, the ombudsman said.", [6, 9]),
    ("The two sides carried out a one-for-one swap of 30 soldiers each.", [30, 30]),
    ("Russia and Ukraine exchanged 95 POWs for 95 servicemen.", [95, 95]),
    ("Under the deal, 48 Azerbaijani detainees were swapped for 32 Armenian soldiers.", [48, 32]),
    ("The United States freed five Iranians in exchange for five Americans held in Tehran.", [5, 5]),
    ("The swap saw 230 Ukrainians return home in exchange for 200 Russians.", [230, 200]),
    ("Moscow and Kyiv swapped 90 prisoners of war each on Friday, with the UAE mediating.", [90, 90]),
    ("The Houthis released 64 Saudi detainees in exchange for 870 of their own fighters.", [64, 870]),
    ("Some 300 Ukrainian prisoners were exchanged for 300 Russian prisoners on Sunday.", [300, 300]),
    ("Israel freed 30 Palestinian women and children in return for 10 Israeli hostages.", [30, 10]),
    ("The exchange involved 75 prisoners from each side.", [75, 75]),
    ("Ukraine said 84 of its soldiers were returned in exchange for 84 Russian servicemen.", [84, 84]),
    ("Ukraine brought home 95 soldiers in exchange for 95 Russian prisoners.", [95, 95]),
    ("In December 2022, the basketball star was swapped for an arms dealer in a one-for-one deal.", [1, 1]),
    ("Kyiv and Moscow each released 200 prisoners in the latest swap, the 58th of the war.", [200, 200]),
    ("Russia handed over 15 bodies of fallen soldiers in exchange for 20 bodies.", [15, 20]),
    ("A total of 1,000 prisoners were exchanged on each side.", [1000, 1000]),
    ("The militants released 13 hostages, and Israel freed 39 Palestinian prisoners in exchange.", [13, 39]),
    ("Belarus freed 16 prisoners in a swap for 8 Russians held in the West.", [16, 8]),
    # probe added while fixing (not part of the before-change batch)
    ("Russia said it had received 90 servicemen from Ukraine, while handing over 90 Ukrainian prisoners.", [90, 90]),
]


@pytest.mark.parametrize("text, counts", EXCHANGES, ids=[c[0][:40] for c in EXCHANGES])
def test_exchanges_round2(text: str, counts: list) -> None:
    found = facts_of(text, "exchange")
    assert [f["counts"] for f in found] == [counts]


NO_EXCHANGES = [
    "The exchange rate fell 2% to 83 rupees to the dollar.",
    "The two ministers exchanged views on 12 issues during the visit.",
    "Soldiers exchanged fire for 3 hours near the border.",
    "The New York Stock Exchange suspended trading in 14 stocks.",
    "The leaders exchanged statements after 3 days of talks.",
    "Police released 40 people after questioning.",
    "Investors swapped 2 billion dollars of bonds for new notes.",
    "Ukraine has freed 1,200 prisoners since the start of the exchanges, officials said.",
    "The two governments exchanged 3 notes on the matter in 2021.",
    "Stock exchanges in 12 countries halted trading for 15 minutes.",
    "The hostages, 12 of them children, were freed on Friday.",
]


@pytest.mark.parametrize("text", NO_EXCHANGES, ids=[c[:40] for c in NO_EXCHANGES])
def test_no_exchanges_round2(text: str) -> None:
    assert facts_of(text, "exchange") == []


# ---------------------------------------------------------------------------------------------- officials

def _words(role: str) -> set[str]:
    return set(re.findall(r"[a-z]+", role.lower().replace("'s", "")))


OFFICIALS = [
    ("Its chair, Dr Amara Okafor, a professor of public health at the University of Lagos, said the findings "
     "were alarming.", {"Amara Okafor": ["chair", "professor of public health"]}),
    ("The injured were taken to the county hospital, where the medical superintendent, Dr Grace Chebet, said "
     "six were critical.", {"Grace Chebet": ["medical superintendent"]}),
    ("Tom Reed, a spokesman for the ministry, said the talks would resume.", {"Tom Reed": ["spokesman for the ministry"]}),
    ("Sarah Lim, chief executive of Harbour Bank, said profits would fall.", {"Sarah Lim": ["chief executive of Harbour Bank"]}),
    ("Harbour Bank's chief executive, Sarah Lim, said profits would fall.", {"Sarah Lim": ["chief executive"]}),
    ("Paul Mensah, who heads the electoral commission, said counting would finish on Friday.",
     {"Paul Mensah": ["head of the electoral commission"]}),
    ("Justice Elena Kagan wrote the dissent.", {"Elena Kagan": ["justice"]}),
    ("Board member Lisa Cook said rates could fall.", {"Lisa Cook": ["board member"]}),
    ("The president of the General Assembly, Dennis Francis, opened the session.",
     {"Dennis Francis": ["president of the General Assembly"]}),
    ("Ghanaian diplomat Kwame Asante, the UN's special envoy for Sudan, arrived in Khartoum.",
     {"Kwame Asante": ["special envoy"]}),
    ("Michael Tan, the city's police chief, told reporters that two suspects were in custody.",
     {"Michael Tan": ["police chief"]}),
    ("Finance Minister Nirmala Sitharaman presented the budget on Thursday.", {"Nirmala Sitharaman": ["finance minister"]}),
    ("John Kirby, the Pentagon press secretary, said the ships had left port.", {"John Kirby": ["press secretary"]}),
    ("Dr Hans Kluge, the WHO's regional director for Europe, urged governments to act.",
     {"Hans Kluge": ["regional director"]}),
    ("Nigel Farage, the leader of Reform UK, said the result was historic.", {"Nigel Farage": ["leader of Reform UK"]}),
    ("Ursula von der Leyen, president of the European Commission, said the bloc would respond.",
     {"Ursula von der Leyen": ["president of the European Commission"]}),
    ("Prosecutor Linda Gray told the jury that the evidence was overwhelming.", {"Linda Gray": ["prosecutor"]}),
    ("Amina Yusuf, deputy governor of Kano state, visited the scene.", {"Amina Yusuf": ["deputy governor"]}),
    ("The country's top diplomat, Wang Yi, met his US counterpart in Beijing.", {"Wang Yi": ["top diplomat"]}),
    ("Mayor Karen Bass declared a local emergency.", {"Karen Bass": ["mayor"]}),
    ("Kevin Ryan, the Democratic chairman of the committee, said hearings would begin in May.",
     {"Kevin Ryan": ["chairman of the committee"]}),
    ("Chief Justice John Roberts wrote for the majority.", {"John Roberts": ["chief justice"]}),
    ("Judge Tanya Chutkan set a trial date for March.", {"Tanya Chutkan": ["judge"]}),
    ("Alan Bates, who led the campaign by former postmasters, welcomed the report.", {"Alan Bates": ["leader"]}),
    ("Yvette Cooper, the home secretary, announced the plan on Tuesday.", {"Yvette Cooper": ["home secretary"]}),
    ("Opposition leader Peter Dutton said the government had failed.", {"Peter Dutton": ["opposition leader"]}),
    ("Ahmed Musa, commander of the 7th Division, said troops had retaken the town.",
     {"Ahmed Musa": ["commander of the 7th Division"]}),
    ("The agency's director general, Rafael Grossi, said inspectors would return.", {"Rafael Grossi": ["director general"]}),
    ("Maria Costa, the company's chief operating officer, will step down in June.",
     {"Maria Costa": ["chief operating officer"]}),
    ("Interior Ministry spokesman Ihor Klymenko said 12 buildings were damaged.", {"Ihor Klymenko": ["spokesman"]}),
]


@pytest.mark.parametrize("text, expected", OFFICIALS, ids=[o[0][:40] for o in OFFICIALS])
def test_officials_round2(text: str, expected: dict[str, list[str]]) -> None:
    found = facts_of(text, "official", tuple(expected))
    assert {d["person"] for d in found} == set(expected), found
    for d in found:
        assert any(_words(alt) <= _words(d["role"]) for alt in expected[d["person"]]), d


NO_OFFICIALS = [
    ("A General Assembly resolution drafted by Ana Reyes passed easily.", ("Ana Reyes",)),
    ("Peter Hall, whose father was a senator, spoke at the rally.", ("Peter Hall",)),
    ("Maria Costa told the judge she was innocent.", ("Maria Costa",)),
    ("Ana Silva, 34, a nurse, said she had not been paid for months.", ("Ana Silva",)),
    ("John Park said the president had lied to voters.", ("John Park",)),
    ("Officials named the victim as John Park, a father of two.", ("John Park",)),
    ("Lisa Cook met the minister and his spokesman on Friday.", ("Lisa Cook",)),
]


@pytest.mark.parametrize("text, persons", NO_OFFICIALS, ids=[n[0][:40] for n in NO_OFFICIALS])
def test_no_officials_round2(text: str, persons: tuple[str, ...]) -> None:
    assert facts_of(text, "official", persons) == []
