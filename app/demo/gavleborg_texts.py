"""The Gävleborg final report's own texts, quoted (app.demo.gavleborg stores them as
the insats's report texts, the year's "struktur" text as the account of that year).

Source: "Slutrapport ASF-insats Gävleborg 2016–2020" (shared/domain), quoted word for
word: only the line breaks of the text extraction are undone (a paragraph is one
line; paragraphs are separated by a blank line, the report's bullets kept as "•" and
"-"). Its spelling and its figures are left as they stand, the contradicting ones too:
the checks find those (app.core.stated_placements, app.core.report_texts).
"""

from __future__ import annotations

MALGRUPP = (
    "Förbundsparter - tjänstepersoner, medarbetarare, lokal- och regionalpolitiker som "
    "möjliggör utveckling av arbetsintegrerande sociala företag - ASF."
)


BESKRIVNING = (
    "För insatsen finansierar samordningsförbundet en processledare med uppdrag att "
    "förmedla kunskap om ASF samt utveckla samverkan mellan offentliga parter i länet och "
    "de befintliga ASF. Tjänstegrad för processledare har över tid varierat mellan 100% - "
    "50%. Processledares uppdrag har utgått från en årligen upprättad handlingsplan med "
    "fokus på strukturpåverkan och kompetenshöjande insatser."
)


HUVUDAKTIVITETER = (
    "- Informations och kunskapsspridning genom konferenser och seminarier.\n\n"
    "- Kompetensutveckling genom utbildningsinsatser.\n\n"
    "- Kunskapsdialoger för ökad samverkan och strukturpåverkan.\n\n"
    "- Strukturpåverkan genom samverkan med andra offentliga aktörer, lokalt, regionalt "
    "och nationellt.\n\n"
    "- Kunskapsspridning genom olika sociala medieplattformar."
)


BAKGRUND = (
    "Det finns inte något särskilt regelverk eller någon särskild företagsform för "
    "Arbetsintegrerande sociala företag. ASF kan organiseras och ägas på flera olika sätt "
    "men har ändå vissa gemensamma grundstenar som förenar. Tillsammans med företrädare "
    "för företagen, rådgivare och andra myndigheter har Tillväxtverket tagit fram "
    "följande definition\n\n"
    "- Arbetsintegrerande sociala företag är företag som driver näringsverksamhet - "
    "producerar och säljer varor och/eller tjänster:\n\n"
    "• Med övergripande ändamål att integrera människor som har stora svårigheter att få "
    "och/eller behålla ett arbete, i arbetsliv och samhälle.\n\n"
    "- Det innebär att företagen försöker skapa nya arbetstillfällen men också att man "
    "erbjuder arbetsträning, rehabilitering mm för att de som deltar i verksamheten ska "
    "kunna få arbete hos andra arbetsgivare.\n\n"
    "• Som skapar delaktighet för medarbetarna genom ägande, avtal eller på annat väl "
    "dokumenterat sätt.\n\n"
    "- Det kan innebära att företaget drivs som ett arbetskooperativ men kan också "
    "innebära att företagets verksamhet organiseras så att alla kan ta del i beslut om "
    "företaget och om sin egen utveckling.\n\n"
    "• Som i huvudsak återinvesterar sina vinster i de egna eller liknade verksamheter.\n\n"
    "- Det innebär vanligen att vinster (överskott) används till att anställa fler, "
    "utveckla verksamheten, erbjuda kompetensutveckling eller för att utveckla nya "
    "sociala företag.\n\n"
    "• Som är organisatoriskt fristående från offentlig verksamhet.\n\n"
    "- Det innebär att företaget inte har ägare som är kommuner eller andra offentligt "
    "ägda organisationer.\n\n"
    "Samordningsförbund finns till för att uppnå effektiv resursanvändning hos "
    "medlemmarna inom området samordnad rehabilitering. Målgruppen för den finansiella "
    "samordningen står ofta långt ifrån arbetsmarknaden och kan behöva särskilt anpassade "
    "arbetsplatser för att kunna få och behålla ett arbete, ASF kan fungera som en sådan "
    "arbetsplats.\n\n"
    "Då ASF var en relativt ny verksamhetsform och för många fortfarande okänt, var det "
    "därför viktigt för legitimiteten att länets innevånare, folkvalda och tjänstemän "
    "inom offentlig sektor fick ökad kunskap och kännedom om ASF. Samordningsförbundet "
    "såg en stor potential för utvecklingen av ASF och möjligheterna till "
    "arbetsintegration genom fler och växande ASF.\n\n"
    "ASF har funnits etablerade i länets sedan slutet 1990-talet, 2016 fanns det 34 "
    "registrerade företag i vårt län med sammantaget ca 350 personer verksamma, av dessa "
    "är cirka 200 anställda. Majoriteten av de anställda har någon form av arbetshinder "
    "och har många gångar haft svårt att få och behålla en anställning. Företagen är "
    "verksamma inom en rad olika branscher med en stor bredd på affärsidéer. Gemensamt "
    "för företagen är att de alla erbjuder och tar emot individer med behov av "
    "arbetsträning och rehabilitering, som en viktig del i verksamheten. På detta sätt "
    "utgör ASF en småskalig men viktig och kompletterande aktör, för integration på "
    "arbetsmarknaden.\n\n"
    "Med denna bakgrund fattade Samordningsförbund Gävleborg beslutet att ge en breddad "
    "och fördjupad kunskap om ASF samt hur myndigheter på ett effektivt sätt kan "
    "utveckla, samverka med och dra nytta av ASF, för att personer ska komma i arbete, "
    "utbildning eller närma sig arbetsmarknaden och egen försörjning."
)


INDIVID = (
    "Insatsen har haft två tydliga inriktningar, dels med fokus på individinriktat stöd "
    "under perioden 2016 - 2018, dels orienterad mot strukturella utveckling hela "
    "perioden, 2016 - 2020.\n\n"
    "För att bereda fler individer, med behov av anpassad rehabilitering och "
    "arbetsträning, avsattes medel, sökbara för parterna, för finansiering av "
    "handledarstödda platser hos lokala ASF. Syftet var att bereda fler personer "
    "möjligheten till anpassad rehabilitering/arbetsträning med målet att komma in "
    "och/eller få en plats på arbetsmarknaden och att ge samverkande myndigheter enklare "
    "tillträde till att nyttja ASF, för individer i behov av samordnad rehabilitering."
)


INDIVID_ERFARENHETER = (
    "Totalt beviljades medel för 23 handledda placeringar varav 11 nyttjades av 10 unika "
    "individer, a´6 månaders placering. Utfall för de nyttjade placeringarna; 1 till "
    "arbete (man) Nordanstig, 1 aktualiserades till Arbetsförmedlingen (kvinna) "
    "Nordanstig, övriga 8 åter i offentlig försörjning (kvinnor). Den individuella "
    "insatsen med finansiering av handledarstöd och placering i ASF föll inte väl ut då "
    "utfallet inte gav den förväntade effekt som efterfrågades.\n\n"
    "En erfarenhet är att huvudman/kommunerna hade svårt att rekrytera individer till "
    "insatserna samt att man uppgav att administrationen för finansiering var allt för "
    "krävande. En slutsats är att samverkan runt individen för rekrytering till ASF inte "
    "fungerade optimalt. Kommunerna uppgav emellertid att det lärt sig mer om ASF och "
    "kommit närmare företagen."
)


STRUKTUR = (
    "Syftet med den strukturinriktade insatsen var att öka kunskap och kännedom om ASF "
    "med effekten om att parternas nyttjandegrad av ASF:s tjänster skulle öka i form av "
    "individplaceringar mot arbetsträning och rehabilitering för Finsam´s målgrupp.\n\n"
    "Målsättningen var att förbundet skulle:\n\n"
    "• göra ASF mer känt på övergripande nivå, hos förbundets parter\n\n"
    "• bidra till utveckling av hållbara stödstrukturer på lokal och regional nivå för "
    "befintliga ASF"
)


STRUKTUR_SAMMANFATTNING = (
    "Insatsens övergripande målsättning om att öka kunskapen om ASF hos målgruppen har "
    "till stor utsträckning uppfyllts och gjort ASF känt på en övergripande nivå. Detta "
    "speglas bland annat i upprättade styr- och policy dokument som upprättats hos "
    "flertalet av parterna.\n\n"
    "Insatsen målsättning om att bidra till en utveckling av hållbara stödstrukturer för "
    "ASF har bidragit till att utveckling har skett, däremot kan vi inte dra slutsatsen "
    "att flera och hållbara strukturer har upprättats.\n\n"
    "Målsättningen om att stödja utvecklingen av en ökad nyttjandegrad av ASF tjänster "
    "för rehabilitering, arbetsprövning och arbetsträning, har haft en påtagligt positiv "
    "koppling, till insatsen informations- och utbildningsverksamhet. Tillika har "
    "Arbetsförmedlingens rekonstruktion tydligt påverkat nyttjandegraden av dessa "
    "tjänster negativt.\n\n"
    "Insatsen har under perioden sammantaget nått en stor del av målgruppen för insatsen, "
    "i huvudsak är det tjänstepersoner och medarbetare hos förbundets samverkande parter "
    "som nåtts. Endast till viss del har målgruppen politiker nåtts, då de politiska "
    "forumen har varit svårare att få tillträde till.\n\n"
    "Totalt registrerat antal individer i volym som fått information om ASF över perioden "
    "är 1 257 personer, exklusive podd-lyssnare."
)


ANALYS = (
    "Vi kan konstatera att insatsens uppdrag om aktiv kunskapsspridning skapat en ökad "
    "allmänkunskap om arbetsintegrerande sociala företag. Detta speglas inte minst i de "
    "lokala aktiviteter som sker i kölvattnet av förbundets arbete.\n\n"
    "Tydlig är också att frågan rymmer flera politikområden, gemensamt för dessa olika "
    "områden är emellertid frågan om allmän välfärd och inte minsta en koppling till de "
    "globala hållbarhetsmålen i Agenda 2030. Utveckling av det sociala företagandet är en "
    "del i hållbarhetsmålen om hållbar tillväxt, samhällsentreprenörskap, inkludering och "
    "sociala innovationer.\n\n"
    "Arbetet med att utveckla den sociala ekonomin är viktig för framtiden: att skapa "
    "förutsättningar för sociala företag, sociala innovationer och utveckla "
    "civilsamhället är en komplex men central fråga för hållbar välfärd.\n\n"
    "Att verka för ökad kunskap och samverkan med aktörer inom social ekonomi ställer "
    "större krav på offentlig sektor när behovet är större än vad resurserna räcker till. "
    "Att avlasta offentlig sektor genom affärer med samhällsentreprenörer, sociala "
    "företag och organisationer inom social ekonomi är en väg att utveckla möjligheten "
    "för Finsam’s målgrupp till rehabilitering och egen försörjning, civilsamhälle och "
    "socialt företagandet kan spela en viktig roll för fortsatt hållbar välfärd.\n\n"
    "Vi kan konstatera att Arbetsförmedlingens reformering har skapat stora förändringar "
    "för de arbetsintegrerande sociala företagen i Sverige samtidigt som Regeringens "
    "nationella strategi för socialt företagande har skapat en bredare bas för social "
    "ekonomi och socialt företagande, men som medfört konsekvenser för företagen. På "
    "regional nivå har dessa förändringar påverkat förutsättningar både för företagen och "
    "myndigheterna. Focus på affärsmässighet har satts på sin spets för företagen. För de "
    "företagen med långsiktiga avtal har affärerna utvecklats bra, medan ASF med en "
    "mindre affärsmässig portfölj har klarat sig sämre. Företag som till större del haft "
    "intäkter baserat på ersättningar från offentliga parter med platser för "
    "arbetsträning, rehabilitering och arbetsintegrering har finansiellt klarat sig "
    "sämre."
)


SLUTSATSER = (
    "Aktivt arbete med kunskapsspridning är effektivt och påvisar ett tydligt samband "
    "mellan kunskap och aktiv handling.\n\n"
    "Offentliga parters ökad samverkan med civilsamhälle, brukarorganisationer och "
    "sociala företag har visat sig framgångsrikt men förutsättningar påverkas av vilka "
    "givna omständigheter som ges på strukturell nivå. De kommuner som tar ett samlat "
    "grepp och lägger politiskt fokus på frågan får också större effekt på samverkan med "
    "de lokala företagen.\n\n"
    "Förbundet har som målsättning att vidare arbeta bredare för ökad samverkan med "
    "civilsamhälle och brukarorganisationer."
)


STRUKTUR_2016 = (
    "• Huvudsakliga aktiviteter som genomförde under året var informations- och "
    "frukostmöten, seminarier och workshop.\n\n"
    "• Insatsen tog sitt avstamp under våren med en temadag i samverkan med Mysam Ljusdal "
    'med rubrik "Vägar till arbete", till vilket parternas chefer och medarbetare bjudits '
    "in. Förmiddagen innehöll föreläsningar om och med ASF, där tre lokala ASF medverkade "
    "och presenterade sina verksamheter. Under eftermiddagens genomfördes workshop av "
    "medarbetare från förbundets fyra parter med fokus på utveckling av samverkan. En "
    "gemensam slutsats var att ett ökat samarbete kräver ökad kunskap om varandras "
    "verksamheter.\n\n"
    "• Förbundets uppdrag presenterades och förankrades under året i alla länets tio "
    "Mysam grupper.\n\n"
    "• Under sensommaren 2016 rekryterade förbundet en processledare för samordning och "
    "kunskapsspridning.\n\n"
    "• I samverkan med Region Gävleborg genomför förbundet en förstudie för att kartlägga "
    "parternas samverkan och kunskap inom området ASF. Förstudien utmynnade i en "
    "handlingsplan som kom att ligga till grund för genomförandeprojekt ”Utveckling av "
    "arbetsintegrerande socialt företagande”. Region Gävleborg är insatsägare, insatsen "
    "startar februari 2017.\n\n"
    "• Under hösten genomförs en rad frukostmöten runt om i länet. I november hölls bl.a. "
    "ett välbesökt frukostmöte i Ockelbo kommun under temat ”Arbetsintegrerande socialt "
    "företagande”. Informationstillfällen genomfördes genomgående i samverkan med "
    "Coompanion Gävleborg samt med representanter från lokala ASF. Fokus var att lyfta "
    "fram och tydliggöra de behov ASF kan tillgodose genom arbetslivsinriktade insatser, "
    "om vilka förutsättningar som krävs för lokal utveckling av ASF samt ge goda exempel "
    "på befintliga verksamheter.\n\n"
    "• Hudiksvalls kommun antog under året en policy om -Tillämpning för främjande av "
    "arbetsintegrerande socialt företagande.\n\n"
    "• Registrerat antal individer i målgruppen som fått information under året var 95 "
    "personer.\n\n"
    "• Vid ingången av insatsen hösten 2016 fanns 34 registrerade företag med sammantaget "
    "179 personer anställda. Fördelningen kön för anställda var 113 kvinnor och 66 män. I "
    "företagen var då 156 personer placerade i olika åtgärder enligt följande fördelning; "
    "Arbetsförmedlingen 96 personer, Kommunen 57 personer, övriga (utan ersättning) 3 "
    "personer. En koncentration av förtag finns i Hälsingland med 22 företag samt 12 "
    "företag i Gästrikland."
)


STRUKTUR_2017 = (
    "• Huvudsakliga aktiviteter som genomfördes under året var informations- och "
    "frukostmöten, konferenser, seminarier och workshop.\n\n"
    "• I februari genomfördes en konferens med workshop i Bollnäs under temat ”Vägar till "
    "arbete - lokal samverkan med särskilt fokus på ASF”. Medverkade gjorde bland annat "
    "SKR, Arbetsförmedlingen och kommunens Arbetsmarknadsenhet.\n\n"
    "• Samordningsförbundet blir samverkanspart i projekt ” Hållbara arbetsintegrerade "
    "sociala företag i Gävleborg”. Insatsägare är Region Gävleborg, projektperiod "
    "februari 2017-oktober 2018, finansiär Tillväxtverket - TVV. Utgångspunkt är det "
    "regeringsuppdrag, ställt till TVV, om att i samverkan med Arbetsförmedlingen "
    "utarbeta och genomföra ett nationellt program med insatser som stimulerar till att "
    "fler ASF startar och växer, för att därigenom öka antalet sysselsatta. Målet är att "
    "skapa fler möjligheter till arbete för personer som är, eller riskerar att bli, "
    "långtidsarbetslösa. Informationsinsatser om insatsen riktat till medarbetare och "
    "politiker genomfördes i alla kommuner.\n\n"
    "• Samordningsförbundet beställer och producerar tillsammans med det Bollnäsbaserade "
    "ASF företaget Glädjeverket, en informationsfilm om ASF. Filmen lanseras på "
    "förbundets hemsida under juni 2017. Informationsfilmen sprids och används flitigt. "
    "Se filmen här.\n\n"
    "• Ett nära samarbete initierats med Arbetsförmedlingen i syfte att utveckla en "
    "utbildningsmodell för medarbetare, om ASF. Planering och inventering för "
    "genomförande av en gemensam utbildningsinsats görs i samverkan med Coompanion "
    "Gävleborg. Utbildning riktar sig till medarbetare hos offentliga parter men kommer "
    "att i ett första steg omfatta medarbetare hos Arbetsförmedlingen. Utbildningsstart "
    "januari 2018.\n\n"
    "• Under året erbjuds alla länets Mysam-grupper lokalt processtöd för ASF och flera "
    "lokala samverkansgrupper bildas. Samverkansgrupperna representeras av medarbetare "
    "från kommunen, Arbetsförmedlingen och lokala ASF. Samverkansgrupper etableras i "
    "Bollnäs, Söderhamn, Nordanstig, Hofors, Gävle och Hudiksvalls kommun.\n\n"
    "• I september prisas förbundet för sitt arbete med att öka kunskapen om ASF, på "
    "Stora sociala företagsdagen, med priset som ”Årets främjare av Arbetsintegrerande "
    'socialt företagande".\n\n'
    "• Under hösten arrangerar förbundet tillsammans med Region Gävleborg, Tillväxtverket "
    "och Coompanion konferensen ”Framtidens företagande”, i Söderhamn med deltagare från "
    "hela länet.\n\n"
    "• En effekt av informationsspridning och det lokala arbetet utmynnar i att "
    "Söderhamns kommun under hösten genomför en första upphandling med så kallat "
    "reserverat kontrakt, där det lokala företaget Stenbackens boende och "
    "arbetskooperativ vinner upphandlingen. Upphandling får stor uppmärksamhet i hela "
    "landet.\n\n"
    "• Revisionen gör en fördjupad granskning av samordningsförbundets arbete mot ASF. Se "
    "revisionens granskningsrapport här.\n\n"
    "• Registrerat antal individer i målgruppen som fått information under året var 586 "
    "personer.\n\n"
    "• Hösten 2017 fanns 34 registrerade företag med sammantaget 228 personer anställda. "
    "Fördelningen kön för anställda var 137 kvinnor och 91 män. I företagen var då 230 "
    "personer placerade i olika åtgärder enligt följande fördelning; Arbetsförmedlingen "
    "155 personer, Kommunen 65 personer, övriga (utan ersättning) 10 personer. I "
    "Hälsingland finns nu 24 företag samt 10 företag i Gästrikland."
)


STRUKTUR_2018 = (
    "• Huvudsakliga aktiviteter som genomfördes under året var förutom informations- och "
    "frukostmöten, konferenser, seminarier och workshop, fokuserat på "
    "utbildningsinsatser.\n\n"
    "• Under våren avslutades förbundet sitt samverkansuppdrag i Region Gävleborgs "
    "projektet ” Hållbara arbetsintegrerade sociala företag i Gävleborg”.\n\n"
    "• Under året genomförs tre processinriktade utbildningar för parternas medarbetare. "
    "Först ut var Arbetsförmedlingen i Gävle, första i Sverige, att genomgå utbildningen "
    "för att öka sin kompetens inom området. Primärt mål med utbildningen var att:\n\n"
    "- Deltagarna i utbildningen skall få ökad kompetens om vad Arbetsintegrerande "
    "sociala företag är för typ av företag och vilka verktyg som finns inom sin "
    "organisation för att möjliggöra ökad samverkan med företagen.\n\n"
    "- Skapa hållbara strukturer så att kompetensen fortlever och sprids i organisationen\n\n"
    "Ett delmål i utbildningen var att upprätta ASF-ambassadörer i hemmaorganisationen så "
    "att kompetens sprids vidare i organisationen.\n\n"
    "Sammantaget deltog 45 medarbetare från Arbetsförmedlingen och 6 kommuner medverkat "
    "vid dessa utbildningar. Detta utmynnade bland annat i att Arbetsförmedlingen på "
    "flera orter i länet fick ASF-ambassadörer och medförde den positiva effekten av att "
    "fler individer fick möjlighet att delta i ASF.\n\n"
    "Utbildning genomfördes i fyra process steg under fyra dagar som inneba att "
    "utbildningen utformades tillsammans med deltagarna utifrån deltagarens kompetens och "
    "uppdrag.\n\n"
    "Utvärderingar av processutbildningen var genomgående positiv.\n\n"
    "• Kontinuerligt och riktat processtöd till etablerade lokala samverkansgrupper "
    "bibehölls under året.\n\n"
    "• Bollnäs kommun antar policy - För främjande av arbetsintegrerande sociala företag.\n\n"
    "• En länsövergripande kunskapsdialog om ASF arrangerades under december i Gävle där "
    "företrädare från Arbetsförmedlingen och länets kommuner träffades för "
    "erfarenhetsutbyte och utveckling av lokal och regional samverkan runt ASF.\n\n"
    "• Registrerat antal individer i målgruppen som fått information under året var 235 "
    "personer.\n\n"
    "• Hösten 2018 fanns 30 registrerade företag med sammantaget 204 personer anställda. "
    "Fördelningen kön för anställda var 113 kvinnor och 91 män. I företagen var då 244 "
    "personer placerade i olika åtgärder enligt följande fördelning; Arbetsförmedlingen "
    "152 personer, Kommunen 74 personer, övriga (utan ersättning) 17 personer. I "
    "Hälsingland finns nu 20 företag och 10 företag i Gästrikland."
)


STRUKTUR_2019 = (
    "• Under 2019 reformerades och omorganiserades Arbetsförmedlingen, den av förbundets "
    "parter som varit särskilt viktig för en ökad nyttjandegrad av ASF. När "
    "Arbetsförmedlingen som samarbetspart inte fanns tillgänglig som tidigare skapades "
    "ett stort glapp i de upparbetade samverkansgrupper som bildats. Förmedlingskontor "
    "lades ned och ett stort antal handläggare på Arbetsförmedlingen sades upp som "
    "skapade luckor med effekten att samverkansgrupperna hade svårt att komma vidare.\n\n"
    "• Samverkansgrupperna i Nordanstig, Bollnäs, Söderhamn och Hudiksvall fortsätter "
    "sitt arbete oaktat Arbetsförmedlingens frånvaro. Arbetet med att utveckla "
    "samverkansgrupper i länets kommuner kring ASF fortsätter trots allt.\n\n"
    "• Bollnäs kommun antar i oktober en handlingsplan i kommunfullmäktige för att främja "
    "arbetsintegrerande socialt företagande som utgör ett viktigt styrinstrument för det "
    "fortsatta lokala arbetet i samverkansgruppen.\n\n"
    "• Nordanstigs kommun antar under året en policy om - Riktlinjer för "
    "arbetsintegrerande Socialt Företagande.\n\n"
    "• På Stora sociala företagsdagen i Göteborg tilldelades priset för årets "
    "arbetsintegrerande sociala företag i Sverige, till Söderhamnsföretaget Stenbackens "
    "boende och arbetskooperativ.\n\n"
    "• I december anordnade Sveriges kommuner och regioner – SKR, en inspirationsdag om "
    "ASF med inspiration från hela Sveriges arbete med Socialt företagande. Från "
    "Gävleborg medverkade Nordanstigs kommun och Samordningsförbund Gävleborg. "
    "Upphandlingsstrateg från Nordanstig berättade om arbetet med upphandlingar med "
    "social hänsyn och vinsterna med samverkan med kommunens arbetsintegrerande sociala "
    "företag.\n\n"
    "• SKR tar initiativ till att starta en nationell arbetsgrupp för att främja ASF i "
    "Sverige. Syftet med arbetsgruppen är att bidra till SKR:s arbete med att främja "
    "kommuners samverkan med ASF. I uppdraget ingår bland annat att bevaka lagar och "
    "förordningar, fånga upp och belysa problemställningar från kommun och region, stödja "
    "SKR med inspel för att driva aktuella frågor, samt samla och sprida lärande exempel "
    "på god samverkan samt arrangera en årlig nätverksdag för SKR:s nätverk. I nätverket "
    "ingår bland annat Samordningsförbund Gävleborg.\n\n"
    "• Tjänsten som processledare för ökad kunskap om ASF begränsas till 50 % som senare "
    "under året växlas upp till 80%. då samordningsförbundet åter blir samverkanspart i "
    "ett projekt Region Gävleborg står huvudman för.\n\n"
    "• Samordningsförbundet blir åter samverkanspart i projektet ”Utveckling av socialt "
    "företagande i Gävleborgs län” som Region Gävleborg står huvudman för, finansieras av "
    "TVV. Förbundets uppdraget är bl.a. att medverka vid inventering och kartläggningen "
    "av sociala företag i Gävleborg, kopplat till Regeringens nya strategi för sociala "
    "företag -Ett hållbart samhälle genom socialt företagande och social innovation. "
    "Region Gävleborg tillsammans med andra företagsfrämjande aktörer i länet genomför "
    "insatsen för att förbättra förutsättningar om kompetensutveckling och ökat stöd till "
    "företag med samhällsnyttiga idéer.\n\n"
    "• Under hösten genomför förbundet tillsamman med Region Gävleborg och Coompanion en "
    "konferens i syfte att synliggöra och sprida flera goda insatser som genomförs i "
    "regionen och för att stärka lokala ASF och deras arbete för att minska utanförskap.\n\n"
    "• Registrerat antal individer i målgruppen som fått information under året var 183 "
    "personer.\n\n"
    "• Nyttjandegraden av ASF minskar under verksamhetsår 2019. Hösten 2019 fanns 28 "
    "registrerade företag med sammantaget 206 personer anställda. Fördelningen kön för "
    "anställda var 108 kvinnor och 98 män. I företagen var då 130 personer placerade i "
    "olika åtgärder enligt följande fördelning; Arbetsförmedlingen 93 personer, Kommunen "
    "26 personer, övriga (utan ersättning) 11 personer. I Hälsingland fanns 17 företag "
    "och i Gästrikland 11 företag."
)


STRUKTUR_2020 = (
    "• Tidigt i början av året bröt pandemin ut som gjorde att vi blev tvungna att skapa "
    "nya arenor och starta upp alternativa informationskanaler för kunskapsspridning om "
    "ASF.\n\n"
    "• Under våren medverkade vi löpande vid digitala frukostmöten i olika nätverk för "
    "ASF och socialt företagande.\n\n"
    "• I samverkan med Centrum för socialt företagande, som är en del av projekt "
    "”Utveckling av socialt företagande i Gävleborgs län” startade vi upp Sociala "
    "företags-podden. Podden utmynnade sammantaget i 10 producerade program som tar upp "
    "olika områden inom det socialt företagande. Här kan du lyssna på programmen.\n\n"
    "• Regio Gävleborgs projekt ”Utveckling av socialt företagande i Gävleborgs län” "
    "avslutas. Inventering och kartläggningen av sociala företag sammanställs i en "
    "rapport. Läs kartläggningsrapporten här.\n\n"
    "• SKR:s nationella arbetsgrupp för främjande av ASF, där bl.a. Samordningsförbund "
    "Gävleborg ingår, publicerar handboken - Ny väg till innovativa välfärdslösningar. En "
    "hand- och inspirations-bok för kommuner och regioner som innehåller konkreta exempel "
    "på hur framgångsrik samverkan med sociala företag kan utvecklas och bedrivas. "
    "Handboken kan du läsa här.\n\n"
    "• Registrerat antal individer i målgruppen som fått information under året var 176 "
    "personer, exklusive podd-lyssnare.\n\n"
    "• Corona pandemin har påverka nyttjandegraden av placeringar av individer i ASF "
    "negativt.\n\n"
    "• Vid utgången av hösten 2020 fanns 28 registrerade företag med sammantaget 209 "
    "personer anställda. Fördelningen kön för anställda var 111 kvinnor och 98 män. I "
    "företagen var då 123 personer placerade i olika åtgärder enligt följande fördelning; "
    "Arbetsförmedlingen 81 personer, Kommunen 26 personer, övriga (utan ersättning) 10 "
    "personer. En koncentration av förtag fanns fortfarande i Hälsingland med 17 företag "
    "och 11 företag i Gästrikland."
)


# The insats's texts, by report section (app.core.report_texts.SECTIONS).
TEXTS: dict[str, str] = {
    "malgrupp": MALGRUPP,
    "beskrivning": BESKRIVNING,
    "huvudaktiviteter": HUVUDAKTIVITETER,
    "bakgrund": BAKGRUND,
    "individ": INDIVID,
    "individ_erfarenheter": INDIVID_ERFARENHETER,
    "struktur": STRUKTUR,
    "struktur_sammanfattning": STRUKTUR_SAMMANFATTNING,
    "analys": ANALYS,
    "slutsatser": SLUTSATSER,
}
# The account of each year's structural work: the year's bullets under "Milstolpar".
YEAR_TEXTS: dict[int, str] = {
    2016: STRUKTUR_2016,
    2017: STRUKTUR_2017,
    2018: STRUKTUR_2018,
    2019: STRUKTUR_2019,
    2020: STRUKTUR_2020,
}
