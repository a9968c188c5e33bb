/**
 * The narrative of the published Kazakhstan report (UN ESCAP, 2022) as data: sections,
 * findings for a few areas, the 29 recommendations of section V (13 technical, 16 legal),
 * the whole action plan of section VI, the Global Survey figures its text states, and a
 * few participants of the national consultation workshop (Annex II). Texts are the
 * seed's, in the rich-text notation of shared/narrative/rich.ts (one line per block,
 * "- " bullets, [^…] footnotes, [[id]] item references).
 *
 * Ours, not the seed's: the area each recommendation and action sits under (read from the
 * seed's headings), the recommendations each action implements, and the day of the report
 * date (the seed gives only the year 2022).
 */
import type { Priority } from '../model/types';

export interface SeedRecommendation {
  readonly area: string;
  readonly text: string;
  readonly items?: readonly string[];
}

export interface SeedAction {
  /** "2" or "2.1" as printed in the seed. */
  readonly number: string;
  readonly area: string;
  readonly text: string;
  readonly priority: Priority;
  readonly timeline: string;
  readonly capacity: 'yes' | 'no';
  readonly agencies: readonly string[];
  /** Numbers of the recommendations (same part) it implements. */
  readonly recs: readonly number[];
}

export const SEED_REPORT_DATE = '2022-03-01';

const MTI = 'Ministry of Trade and Integration';
const MOJ = 'Ministry of Justice';
const MFA = 'Ministry of Foreign Affairs';
const MDD = 'Ministry of Digital Development, Innovations and Aerospace Industry';
const MOF = 'Ministry of Finance';
const NCE = '“Atameken” National Chamber of Entrepreneurs';
const MIID = 'Ministry of Industry and Infrastructural Development';

export const SEED_SECTIONS: Readonly<Record<'executiveSummary' | 'context' | 'technical' | 'legal' | 'recommendationsTechnical' | 'recommendationsLegal' | 'conclusion', string>> = {
  executiveSummary: [
    'This report provides an assessment of the readiness of Kazakhstan for cross-border paperless trade, namely conducting international trade on the basis of electronic data and documents. Following a brief overview of trade facilitation implementation in Kazakhstan, findings from technical and legal readiness assessments for cross-border paperless trade are presented. Recommendations on the technical and legal aspects of cross-border paperless trade are then provided, followed by an initial action plan for Kazakhstan to move forward in this area.',
    'Kazakhstan has made significant progress in implementing trade facilitation measures in recent years. Implementation in the area of institutional arrangement and cooperation remains the main challenge for the country. In addition, implementation of certain measures pertaining to cross-border paperless trade has been limited and opportunities exist for Kazakhstan to further reduce trade costs and improve its competitiveness by accelerating efforts to facilitate and digitalize trade procedures.',
    'The level of technical readiness in Kazakhstan for cross-border paperless trade is satisfactory. The country recognizes the importance of conducting paperless trade domestically and across borders and has made progress in many areas towards digitalization of trade procedures. Kazakhstan has already implemented a single window for export-import operations, which is supported by an adequate level of information and communications technology (ICT) infrastructure, and information security. Kazakhstan is also engaging in cross-border data exchange with some countries on import, export and transit data, and plans to expand this operation to more trading partner countries.',
    'From a legal perspective, Kazakhstan has in place very few rules aimed specifically at cross-border paperless trade. Accordingly, laws on domestic transactions are reviewed, provisions of which, in turn, can be improved to cover international activities. The Electronic Documents and Electronic Signatures Law dates from 2004. Since then, several amendments have been issued, notably concerning procedures for the use of electronic documents and electronic digital signatures in State bodies and on the establishment of general technical requirements of electronic systems. For private sector transactions, the 2004 Law may be unduly rigid or technically demanding. On the other hand, progress has been made on many fronts, including in the facilitation of electronic payments. In addition, the legal landscape is evolving rapidly. It is hoped that domestic law will soon be enhanced to accommodate international obligations associated with the transition to cross-border paperless procedures. Reform efforts should follow global or regional best practices on e-communications, which, in turn would help harmonize the country’s legal regime with that of its trading partners.',
    'Aside from the need for a coordinating mechanism on paperless trade, which would help avoid duplication of efforts and enhance existing related efforts, three technical areas require further improvements in order to advance cross-border paperless trade:',
    '1. Relevant regulatory agencies – other than customs – should be able to use paperless trade systems and fully utilize the national cross-border paperless trade system.',
    '1. Kazakhstan should continue to enhance the strategic and comprehensive plan for business continuity of ICT systems, which would ensure the sustainability of a planned data centre. Business process re-engineering, data harmonization, and standardization and capacity-building programmes for all agencies should be elements of such a plan.',
    '1. Kazakhstan should continue to engage in regional, subregional and bilateral initiatives on cross-border paperless trade. Through partnerships, the country should participate in joint inspection and sharing of results electronically.',
    'Legal environments for paperless trade, both domestic and cross-border, also require some reforms and improvements. Three areas of reforms are critical for Kazakhstan:',
    '1. The country should modernize and simplify its statute governing electronic documents and signatures, focusing on the work of the United Nations Commission on International Trade Law (UNCITRAL) in this field. More flexibility is needed for signatures in non-official contexts, and the implications of secure signatures need to be clearer.',
    '1. Kazakhstan should ensure that government ministries and agencies have clear authority to communicate by electronic means and to participate in multi-stakeholder paperless platforms, notably within cross-border paperless trade systems.',
    '1. Kazakhstan should harmonize the legal rules that allow the government and private participants in cross-border trade to use electronic documents and communications to the full extent allowed by the international agreements to which Kazakhstan is a party.',
    'To facilitate reforms, it is recommended that Kazakhstan should accede to the **Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific** as soon as possible. By participating in the Framework Agreement, Kazakhstan can more effectively plan and implement its trade digitalization strategy. The Framework Agreement will assist Kazakhstan in developing its national capacity, designing a long-term plan, engaging in a pilot exchange of selected data and documents, and keeping abreast of emerging legal standards and solutions in the area of cross-border paperless trade.',
    'The readiness assessments together with the action plan featured in this report can serve as a foundation to elaborate more detailed activities at the national and agency levels in this area, with identifiable timelines and budget sources. It is hoped that the report will contribute to the objective of the Government of Kazakhstan to accelerate progress towards cross-border paperless trade, including through its accession to the Framework Agreement.',
  ].join('\n'),
  context: [
    'In this section, the state of play of trade facilitation and paperless trade implementation is reviewed based on secondary data sources, namely the WTO Trade Facilitation Agreement Database[^World Trade Organization, “Trade Facilitation Agreement Database”. Available from https://tfadatabase.org/ (accessed in September 2021).] and the United Nations Global Survey on Digital and Sustainable Trade Facilitation.[^United Nations Global Survey on Digital and Sustainable Trade Facilitation. Available from https://untfsurvey.org]',
    'Kazakhstan became a member of WTO in 2015, and Party to the WTO Agreement on Trade Facilitation in May 2016, committing to implement the provisions of the Trade Facilitation Agreement. The state of play of implementation of the Agreement, as of September 2020, shows that 63.4 per cent of all measures are in category A, 24.4 per cent under category B and 12.2 per cent under category C. The measures under categories B and C require additional work and shall be completed by February 2023.',
    'The available data from the United Nations Global Survey on Digital and Sustainable Trade Facilitation indicates that Kazakhstan has made significant progress in implementing trade facilitation measures over the period 2017–2021. With an overall implementation rate of core measures included in the Survey of 72.04 per cent, Kazakhstan scored slightly higher than the Asia-Pacific regional average (65.85 per cent). It also scored slightly higher than the level of implementation in North and Central Asia (71.37 per cent).',
    'The country’s implementation of “cross-border paperless trade” for certain measures remains limited. In 2021 no measure of this heading is fully implemented. The following measures have been partially implemented in Kazakhstan:',
    '- Laws and regulations for electronic transactions;',
    '- Recognized certification authority;',
    '- Paperless collection of payment from a documentary letter of credit.',
    'Implementation of electronic exchange of customs declaration is at the planning stage. According to the 2021 Survey, electronic exchange of certificate of origin and electronic exchange of sanitary and phytosanitary certificate has yet to be implemented in Kazakhstan.',
  ].join('\n'),
  technical: [
    'Key findings on the technical readiness of Kazakhstan to conduct cross-border paperless trade are discussed below. The findings of the study are presented in accordance with the structure of the cross-border paperless trade technical readiness checklist, adopted by the Interim Intergovernmental Steering Group on Cross-border Paperless Trade Facilitation at its sixth meeting, which was held in January 2021. A checklist with summarized answers, which provides additional information and clarifications, is in Annex III.',
    'Based on the results of the analysis, the level of technical readiness of Kazakhstan for cross-border paperless trade appears to be satisfactory. The country is aware of the importance of paperless trade domestically and internationally, and has made progress in many areas towards the digitalization of trade procedures. It has already implemented a single window for the export-import operations system.',
    'The country is also carrying out cross-border data exchange with four countries on import, export and transit. Expansion to more trading partner countries is planned. By the time of this study, Kazakhstan had not acceded to the Framework Agreement to Facilitate Cross-Border Paperless Trade in the Asia-Pacific Region.',
  ].join('\n'),
  legal: [
    'Key findings on the legal readiness of Kazakhstan on cross-border paperless trade are summarized below. The findings are presented following the structure of the legal readiness checklist adopted by the Interim Intergovernmental Steering Group on Cross-border Paperless Trade Facilitation, at its sixth meeting, held in January 2021. The completed checklist, which contains further details and elaborations, is available in Annex IV.',
    'It may be noted that Kazakhstan has very few legal rules aimed specifically at cross-border paperless trade. The exceptions include some of the provisions of the EAEU Customs Code, which is implemented universally within the customs territory of EAEU, the national customs code and selected articles of some of the international treaties to which Kazakhstan is a party, notably through WTO and WCO.',
    'On the other hand, progress has been made on many fronts, including the facilitation of electronic payments. Kazakhstan should follow global or regional best practices on e-communications to help the country harmonize the legal regime with that of its trading partners.',
  ].join('\n'),
  recommendationsTechnical: [
    'To improve the conditions for paperless trade and readiness to participate in cross-border paperless trade in Kazakhstan, the country should further develop paperless trade systems that can interact with other systems domestically and internationally, including through developing national technical capacity in this area and a long-term plan, and establishing data and document exchange with other countries. To support this process, the county should consider acceding to the Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific as it would significantly help narrow technical gaps in (cross-border) paperless trade in Kazakhstan and support the transition to a knowledge-based economy.',
    'Recommendations related to each area covered during the technical readiness assessment are discussed below:',
  ].join('\n'),
  recommendationsLegal: [
    'To improve the domestic legal environment for paperless trade and legal readiness to participate in cross-border paperless trade, Kazakhstan should proactively join relevant international agreements and incorporate relevant international legal standards, regulations and guidelines into its legal frameworks. Kazakhstan should also accede to the Framework Agreement to Facilitate Cross-border Paperless Trade in Asia and the Pacific. The Framework Agreement could significantly help to narrow legal gaps in (cross-border) paperless trade and support the country in efforts to become a knowledge-based economy.',
    'Recommendations related to key areas covered during the legal readiness assessment are discussed below.',
  ].join('\n'),
  conclusion: [
    'Kazakhstan has made significant progress in implementing trade facilitation and paperless trade. However, much more remains to be done to further enhance trade efficiency in the country, in particular, adoption of digitalization of trade procedures. In this report, findings from technical and legal assessments of the readiness of Kazakhstan for cross-border paperless trade were presented, along with recommendations derived from these findings. An initial action plan was formulated based on experts’ recommendations and inputs gathered during the national consultations. This plan provides a useful basis for the preparation by Kazakhstan of an Individual action plan under the Framework Agreement on Facilitation of Cross-Border Paperless Trade in Asia and the Pacific.[^Under the Framework Agreement and the associated draft implementation road map, participating States would have to develop such individual action plans as part of implementing the Agreement, namely after the Agreement has entered into force and the Parties have agreed on a template and on a timeline for submission of the plans.]',
    'The report highlighted that there were no technical or legal obstacles to Kazakhstan acceding to the Framework Agreement and that it should do so as soon as possible so that it can begin to more effectively plan and implement its trade digitalization strategy. The readiness assessments together with the action plan featured in this report can serve as a foundation to elaborate more detailed activities at national and agency levels in this area, with an identifiable timeline and budget sources. Additional meetings and consultations among stakeholders may be useful to further refine and specify actions and their sequencing in order to achieve the long-term goal of cross-border paperless trade – and to identify specific pilot projects and capacity-building and technical assistance needs.',
    'Pending its accession to the Framework Agreement, Kazakhstan may also continue to participate in the Interim Intergovernmental Steering Group on Cross-border Paperless Trade Facilitation to gather and exchange information on good practices that could help the country further enhance its readiness to conduct cross-border paperless trade.',
  ].join('\n'),
};

/** Findings of a few areas (sections III and IV of the seed). */
export const SEED_FINDINGS: Readonly<Record<string, string>> = {
  A1: [
    'The institutional environment for regulating paperless trade in Kazakhstan is not cohesive. The development of paperless trade in Kazakhstan is carried out by various government bodies and organizations. In 2018, as part of the effort to meet the obligations of the WTO Agreement on Trade Facilitation on the basis of the Interdepartmental Commission of the Republic of Kazakhstan on Foreign Trade Policy and participation in International Economic Organizations,[^See https://primeminister.kz/en/government/advisory.] the National Committee on Trade Facilitation was established ([[A1.1]]). The Committee, which is comprised of representatives of the public and private sectors conduct consultations, provide information, coordinate activities and develops recommendations on practical implementation of the WTO Agreement on Trade Facilitation.',
    'The working body for implementing the WTO Trade Facilitation Agreement is the Ministry of Trade and Integration. Achieving objectives of the Agreement is expected to promote development of paperless trade, as the obligations under the Agreement and the paperless trade related issues are mutually reinforcing.',
    'The implementation plan of the Trade Facilitation Agreement includes the planned dates for Kazakhstan to meet its obligations under the Agreement (until 22 February 2023).[^Approved as indicated in the minutes of the meeting of the Interdepartmental Commission of the Republic of Kazakhstan on Foreign Trade Policy and Participation in International Economic Organizations № 17-5/46 as of January 18, 2019.] Accordingly, there is a strong commitment to effectively implement paperless trading systems in Kazakhstan.',
  ].join('\n'),
  A3: [
    'Network services in Kazakhstan are available from all border points, including ports, airports and customs clearance points.[^See https://rfs.gov.kz/map.html.] Their connection is carried out through the unified transport environment of State bodies.[^Law of the Republic of Kazakhstan “On informatization”, Article 29. Available from https://adilet.zan.kz/eng/docs/Z1500000418.]',
    'Online access to services is carried out throughout Kazakhstan using a web browser with HTTPS and SSL. Plans are being made to provide the service at all of the border-crossing points mentioned above, as well as in the e-government system.',
  ].join('\n'),
  A4: [
    'Information security issues in Kazakhstan are regulated at the legislative level. Below are a major law and resolutions dealing with security issues:',
    '- Law of the Republic of Kazakhstan dated 24 November 2015 No. 418-V ЗРК "On informatization";',
    '- Resolution of the Government of the Republic of Kazakhstan dated 20 December 2016 № 832 on approval of uniform requirements in the field of information and communication technologies and information security;',
    '- Resolution of the Government of the Republic of Kazakhstan dated 30 June 2017 № 407 on approval of the cybersecurity concept (“Cyber Shield of Kazakhstan”);',
    '- Resolution of the Government of the Republic of Kazakhstan dated 28 October 2017 № 676 on approval of the action plan for the implementation of the cybersecurity concept ("Cyber Shield of Kazakhstan") through 2022.',
    'In addition, Kazakhstan is guided by the standards reflected in the Recommendation of the Board of the Eurasian Economic Commission dated 12 March 2019 No. 9 on the list of standards and recommendations in the field of information security used in the implementation of the digital agenda of EAEU. The standards concern, among other things:',
    '  - Creation and maintenance of information security management systems;',
    '  - Ensuring the protection of information using cryptographic protection means.',
  ].join('\n'),
  B2: [
    'The Single Window for Export-Import Operations serves as the single gateway for import-export operations ([[A2.2]], [[B2.1]]). It provides the following online services to the trading community: the required regulatory legal documents related to foreign trade; document tracking; and the uploading of additional documents.',
    'Required permits and licences from the relevant government agencies, along with a number of processes in the customs sphere, can be received in the system. The implementation of the Single Window for Export-Import Operations has reduced the financial costs and time involved in conducting business.',
  ].join('\n'),
  B5: [
    'Customs declarations for international transit traffic in Kazakhstan are processed electronically, but they can also be declared in a paper form.',
    'According to the national legislation and the law of EAEU, there are several types of security for transit transportation, among which participants engaged in foreign economic activity may apply those of their own choice. In accordance with Articles 62, 63 of the Customs Code of the EAEU,[^The text of the EAEU Customs Code is available at https://adilet.zan.kz/rus/docs/Z1700000115.] provisions can be made through four means:',
    '1. Cash',
    '1. Bank guarantee',
    '1. Surety',
    '1. Property pledge',
    'The transit declaration and the form of security are recognized throughout the customs territory of EAEU. Security for transit carnets using TIR Carnets is not required.',
  ].join('\n'),
  'I.C': [
    'Privacy and data protection are important elements of the legal environment for cross border paperless trade, as they are conditions for interaction between parties.',
    'The Law on personal data and their protection[^Law of the Republic of Kazakhstan “On personal data and their protection”. Available from https://adilet.zan.kz/eng/docs/Z1300000094.] (hereinafter – the law on personal data) is the main source for regulating this issue. Its main chapters provide for collection and processing of personal data; protection of personal information; rights and obligations of the subject, owner and (or) operator; and State regulation of personal data and their protection.',
    'Article 16 of the law on personal data provides for the cross-border transfer of personal data. In accordance with this Law, cross-border transfer of personal data to the territory of foreign States may be carried out only if these States ensure the protection of personal data, subject to the exceptions mentioned below. Cross-border transfer of personal data to the territory of foreign states that do not provide protection of personal data may be carried out in the following cases:',
    '- The consent of the subject or his legal representative to the cross-border transfer of his or her personal data;',
    '- It is in accordance with international treaties ratified by Kazakhstan;',
    '- It is in accordance with the laws of Kazakhstan, if it is necessary in order to protect the constitutional order, protect public order, human and civil rights and freedoms, health and morality of the population;',
    '- To protect the constitutional rights and freedoms of man and citizen, if obtaining the consent of the subject or his legal representative is impossible.',
  ].join('\n'),
  'IV.E': [
    'The cross-border paper trade system and the services provided within its framework assumes equal access for all users. If the mechanism of access to the services of cross-border paper trade is used to restrict competition, then the operator’s actions may be a violation of anti-monopoly legislation.',
  ].join('\n'),
};

export const SEED_RECOMMENDATIONS: Readonly<Record<'technical' | 'legal', readonly SeedRecommendation[]>> = {
  technical: [
    { area: 'A1', items: ['A1.1'], text: 'Kazakhstan should reaffirm its political adherence to facilitating (cross-border) paperless trade by participating in the Framework Agreement. Among the various ways to secure political commitment, participation in an intergovernmental agreement can provide the highest level of political commitment and help a country take the necessary action to create a paperless trading environment.' },
    { area: 'A1', items: ['A1.1', 'A1.2'], text: 'Kazakhstan should further strengthen the institutional arrangements for coordinating stakeholders in (cross-border) paperless trade, based on the work of the National Trade Facilitation Committee. The work of this Committee should be strengthened in terms of harmonization of general directions and policies in (cross-border) paperless trade.' },
    { area: 'A2', text: 'The level of access to ICT in government agencies involved in trade procedures is high. In addition, in Kazakhstan, an application for the submission of certificates can be submitted in electronic form. However, some of the certificates are still issued in paper form. In this regard, it is advisable for Kazakhstan to consider to revise the processes of trade procedures of government bodies in order to fully digitalize them.' },
    { area: 'A2', text: 'The paperless trade environment in Kazakhstan should continue to be enhanced.' },
    { area: 'A3', text: 'Kazakhstan should clearly define and adopt a strategic plan and guidelines for ensuring the continuity of ICT systems (including for paperless trade systems), such as a disaster recovery plan, to ensure service continuity and sustainability of such systems. The strategic plan should also reflect future requirements, such as device and technology upgrades. The planned data centres in Kazakhstan should be constructed in line with the strategic plan and guidelines.' },
    { area: 'A3', text: 'The user authentication mechanism and data security measures should be improved by implementing PKI measures and digital signatures or any other new and enhanced security measures. This would strengthen the current user ID and password methodology used for e-customs.' },
    { area: 'A5', text: 'Business process re-engineering work in Kazakhstan should be strengthened when introducing or updating ICT systems of trade-related regulators. Accordingly, it is possible to carry out a comprehensive digitalization of all business and operational processes, instead of simply automating existing ones. This also correlates with the view of the president of Kazakhstan that the country needs to implement digital reforms and transformations.' },
    { area: 'A6', text: 'An inventory of the data models used in Kazakhstan, along with assessment of their compliance with existing international standards, should be conducted, and if necessary, data harmonization should be carried out when introducing or updating ICT systems of trade-related regulatory bodies. This would increase the interoperability of the paperless trading systems and make it easier to exchange electronic data with each other and with systems in other countries.' },
    { area: 'A7', text: 'Kazakhstan should build awareness and the capacity of participants in (cross-border) paperless trade. One of the possible options is to receive technical support from the United Nations or other international development agencies. It is necessary to ensure coordination among the agencies to avoid duplication of support in the planning and in implementation of capacity-building activities.' },
    { area: 'B', text: 'When introducing or updating automation systems of the relevant regulatory authorities in Kazakhstan, the systems should be made available for domestic and cross-border paperless trade simultaneously in order to increase their readiness and competitiveness without duplication of work.' },
    { area: 'B', text: 'Kazakhstan should continue to actively participate in regional, subregional and bilateral cross-border paperless trade initiatives. By doing so, Kazakhstan will not be left behind cross-border paperless trade processes and can be part of these initiatives. It should be noted that accession to the Framework Agreement could help to ensure greater involvement of Kazakhstan in relevant cross-border paperless trade initiatives (Article 13 Pilot Projects and Sharing Experience).' },
    { area: 'B', text: 'Kazakhstan should proactively participate in joint inspection and sharing (recognition) of results electronically with relevant regulatory agencies and trading partner countries. For sharing and mutual recognition of conformance testing results with trading partner countries, implementing the Framework Agreement (in particular, Article 8: Cross-border mutual recognition of trade-related data and documents in electronic form) would facilitate the initiation and implementation of joint inspections and exchange (recognition) of results.' },
    { area: 'B', items: ['B7.1'], text: 'Kazakhstan should expand its coverage of countries that have agreements on mutual recognition of an authorized economic operator to boost the level of confidence in traders from Kazakhstan, which could help increasing cross-border paperless trade transactions.' },
  ],
  legal: [
    {
      area: 'I',
      text: [
        'Kazakhstan should continue to modernize and develop its laws and regulations governing or related to electronic transactions.',
        'In addition, it may be necessary to modernize and simplify the Law on Electronic Document and EDS and the corresponding rules. Specifically, Kazakhstan may consider:',
        '- Increasing its practice of technological neutrality, as greater flexibility is needed when dealing with signatures, especially in non-official contexts, and more clarity is needed on the implications of secure signatures;',
        '- Establishing explicit requirements for functional equivalence between paper-based documents and electronic communications; or, alternatively, making laws fully recognizing electronic communications to directly meet requirements for documents, writing, signature, etc.',
        'In this process, it may focus on the work of UNCITRAL, especially the *United Nations Convention on the Use of Electronic Communications in International Contracts*; the principles of the Convention can be used as a model for domestic law as well.',
      ].join('\n'),
    },
    { area: 'I', text: 'It would be beneficial to enhance the legal framework for trade systems with addition of provisions on permissibility of different ways for customers to authenticate themselves in different systems using less formal and simpler operations than digital signatures.' },
    { area: 'I', text: 'Kazakhstan should strive to develop and adopt a data regulation law. The proposed law should contain detailed provisions on data storage and electronic archiving, especially in relation to cross-border paperless trade, and should define the responsibilities of government repositories of paperless trade electronic records and other information, such as government data centres. Moreover, a legal basis for data sharing and exchange between government trade regulators should be established.' },
    { area: 'II', text: 'Kazakhstan should develop or improve the legal framework for the establishment and operation of a system for cross-border trade and for the creation of a paperless trading environment. Such a legal basis can be provided by revising existing laws or regulations, or enacting new laws or regulations. The bottom line is to facilitate the electronic exchange of information among all trade participants in the public and private sectors.' },
    { area: 'II', text: 'Kazakhstan should tailor provisions of legal acts related to information security, cybercrime and confidentiality and legal acts that establish requirements for the accuracy and integrity of data submitted and processed specifically for paperless trade, without compromising the confidentiality of personal data. Existing laws on general applications may already cover these areas, but it is necessary to analyse all provisions and their actions in relation to paperless trade, and fill any gaps.' },
    { area: 'III', text: 'Kazakhstan should strive for early accession to the Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific. Implementing the Framework Agreement would make a significant contribution towards resolving the issue of mutual recognition of electronic messages and information transmitted across borders, as the parties settle on the appropriate rules and standards for this purpose.' },
    { area: 'III', text: 'Kazakhstan should consider acceding to the United Nations Convention on the Use of Electronic Communications in International Contracts. By acceding to the Convention, the country would attain a shortcut to internationally recognized and sound electronic transaction laws applicable to domestic and international transactions. Being a party to this Convention would help Kazakhstani companies enter into transactions that can be processed through paperless trading.' },
    { area: 'III', text: 'Kazakhstan should conduct an inventory of international treaties affecting paperless trade issues to which Kazakhstan is a party. Subsequently, it is necessary to organize educational activities for government bodies, organizations and the private sector about the opportunities that these tools provide. This process may be more beneficial than seeking out new conventions to join, with the exception of those already mentioned in recommendations 6 and 7.' },
    { area: 'III', text: 'Kazakhstan should be prepared to enter into bilateral or regional agreements, as well as those promoted by global organizations, as needed. It should consolidate provisions on the use of predominantly electronic instruments.' },
    {
      area: 'III',
      text: [
        'In Kazakhstan, a government decision should be made to incorporate relevant international legal standards, regulations and guidelines into its legal framework. Dissemination of information about the benefits of such standards throughout the public sector to raise awareness of government bodies and improve their understanding of the possibilities that may arise from transitioning to electronic systems may facilitate this process.',
        'Some international legal standards/regulations/guidelines that could be beneficial are the following:',
        '- UN/ECE CEFACT Recommendation 33 on the establishment of a single window;',
        '- UN/ECE CEFACT Recommendation 35 on the legal status of a single window;',
        '- UN/ECE CEFACT Recommendation 36 on interoperability of cross-border systems;',
        '- UNNEXT guidelines on paperless trade and single window.',
      ].join('\n'),
    },
    { area: 'III', text: 'Kazakhstan should consider acceding to the Additional Protocol to the Convention on the Contract for the International Carriage of Goods by Road (CMR) concerning the Electronic Consignment Note. This would give an additional impetus to the simplification of procedures for cross-border trade and the movement of goods across customs borders.' },
    { area: 'IV', text: 'Kazakhstan should clearly establish the criteria for liability of parties involved in cross-border paperless trade and of intermediaries in relation to the information and data passing through their systems. This may allow for some private contractual disclaimer of liability, subject to statutory or regulatory limits. The principle that damages are compensated for by the person who caused them should be maintained, unless good reasons of public policy require an exception – in which case, the fact of the exception should be made clear as well. However, it may be necessary to study the kinds of responsibilities that can arise and the kinds of harm that can be done, and to build safeguards, before a full liability regime is instituted.' },
    { area: 'IV', text: 'Civil law in Kazakhstan should clearly establish the choice of law and choice of forum, as well as conflict of laws rules applicable to international commercial contracts and specifically to cross-border electronic commerce and paperless trade. Reference should be made to current international models and best practices in the development of such legal provisions, including but not limited to the Hague Principles on Choice of Law in International Commercial Contracts (2015).' },
    { area: 'IV', text: 'Kazakhstan should consider establishing laws that define who owns the data in a cross-border paperless trade system and how the data can be used.' },
    { area: 'IV', text: 'Kazakhstan should, at all levels and in practice, ensure the admissibility of electronic payments for all purposes and between all participants in international trade transactions. These laws may include appropriate security and authentication practices.' },
    { area: 'IV', text: 'Kazakhstan should build awareness and capacity on legal issues of (cross-border) paperless trade for its stakeholders, especially those who are involved in handling legal aspects, including understanding the implications of joining international agreements. The country may seek support from the United Nation and other international development agencies, in a coordinated manner to avoid duplication of advice and in planning and delivering capacity building activities.' },
  ],
};

const a = (number: string, area: string, text: string, priority: Priority, timeline: string, capacity: 'yes' | 'no', agencies: readonly string[], recs: readonly number[]): SeedAction => ({
  number,
  area,
  text,
  priority,
  timeline,
  capacity,
  agencies,
  recs,
});

/** Section VI of the seed, row by row. */
export const SEED_ACTIONS: Readonly<Record<'technical' | 'legal', readonly SeedAction[]>> = {
  technical: [
    a('1', 'A1', 'Accede to the Framework Agreement on Facilitation of Cross-border Paperless Trade in Asia and the Pacific', 'high', '2022', 'no', [MTI, MOJ, MFA, MDD, MOF], [1]),
    a('2', 'A1', 'Strengthen the work of the National Trade Facilitation Committee in coordination of common directions and policies in the area of (cross-border) paperless trade', 'high', '2022', 'yes', [MTI, MOF], [2]),
    a('2.1', 'A1', 'Inclusion of private sector representatives', 'high', '2022', 'no', [MTI, MOF, NCE], [2]),
    a('2.2', 'A1', 'Development and approval of a long-term work plan', 'high', '2022', 'no', [MTI, MOF, NCE], [2]),
    a('3', 'A2', 'Implement work on digitization of activities of all government agencies related to trade', 'high', '2023', 'yes', [MTI, MOF, NCE, MIID], [3]),
    a('3.1', 'A2', 'Issue the required certificates of origin and SPS in electronic form', 'medium', '2022', 'no', [MDD, MTI, MOF, NCE, MIID], [3, 4]),
    a('4', 'A3', 'Adopt a strategic plan and guidelines for ensuring the continuity of ICT systems processes', 'high', '2022', 'yes', [MTI, MOF, NCE, MIID], [5]),
    a('5', 'A3', 'Improve the user authentication mechanism and data security measures for paperless trade', 'medium', '2022', 'no', [MTI, MOF, NCE, MDD], [6]),
    a('6', 'A5', 'Apply business process re-engineering when implementing or updating ICT systems of trade-related regulatory bodies', 'high', '2022', 'yes', [MTI, MOF, NCE, MDD], [7]),
    a('7', 'A6', 'Conduct an inventory of used data models, and assessment of their compliance with existing international standards', 'high', '2022', 'yes', [MTI, MOF, NCE, MDD], [8]),
    a('7.1', 'A6', 'Harmonization of data when introducing or updating ICT systems', 'high', '2023', 'yes', [MTI, MOF, NCE, MDD], [8]),
    a('8', 'A7', 'Raise stakeholder awareness and potential for (cross-border) paperless trade', 'high', 'Ongoing', 'no', [MDD, MOF, MTI], [9]),
    a('8.1', 'A7', 'Increase cooperation with international organizations', 'high', 'Ongoing', 'no', [MDD, MOF, MTI], [9]),
    a('9', 'A7', 'Jointly with ECE and UN/CEFACT, raise awareness of government authorities and foreign trade participants on standards and recommendations of ECE and UN/CEFACT for facilitation of international trade procedures', 'medium', '2023', 'no', [MTI, MOF], [9]),
    a('10', 'B', 'Improve the readiness and competitiveness of Kazakhstan by introducing and modernizing the automation system', 'high', 'Ongoing', 'no', [MDD, MOF, MTI], [10]),
    a('11', 'B', 'Continue to participate in regional, subregional and bilateral cross-border paperless trade initiatives', 'medium', 'Ongoing', 'no', [MDD, MOF, MTI], [11]),
    a('12', 'B', 'Participate in events covering the topic of mutual recognition, including reviews and sharing of results', 'high', 'Ongoing', 'yes', [MDD, MOF, MTI], [12]),
    a('13', 'B', 'Conclude agreements on mutual recognition of authorized economic operators with trading partners', 'medium', 'Ongoing', 'no', [MOF], [13]),
  ],
  legal: [
    a('1', 'I', 'Modernize and develop laws and regulations governing or related to electronic transactions.', 'high', 'Ongoing', 'no', [MDD, MOF, NCE, MTI], [1]),
    a('1.1', 'I', 'Increase the technological neutrality of the relevant legal acts', 'high', 'Ongoing', 'no', [MDD, MOF, NCE, MTI], [1]),
    a('1.2', 'I', 'Establish functional equivalence requirements', 'high', '2022', 'yes', [MDD, MOF, NCE, MTI], [1]),
    a('1.3', 'I', 'Determine a legal basis for recognizing electronic communications as directly meeting requirements for documents, writings and signature, among others.', 'medium', '2022', 'no', [MDD, MTI, MOF, NCE], [1]),
    a('2', 'I', 'Develop alternatives to digital signatures for authentication in accordance with the principles of technology neutrality.', 'high', '2022', 'yes', [MDD, MTI, MOF, NCE], [2]),
    a('3', 'I', 'Select the optimal authentication system for electronic transactions to enable smooth and secure operation of paperless trading systems', 'medium', '2022', 'no', [MDD, MTI, MOF, NCE], [2]),
    a('4', 'I', 'Develop and adopt the data regulation law', 'medium', '2023', 'yes', [MDD, MTI, MOJ, NCE], [3]),
    a('5', 'II', 'Improve the legal framework for the establishment and operation of a system for cross-border paperless trade and for the creation of a paperless trading environment', 'high', 'Ongoing', 'yes', [MDD, MTI, MOF, NCE], [4]),
    a('6', 'II', 'Analyse the provisions of laws and other legal acts of general action in the areas of information security, cybercrime and confidentiality and establish requirements for the accuracy and integrity of data to disseminate them in relation to paperless trade', 'medium', '2022', 'no', [MDD, NCE, MTI], [5]),
    a('6.1', 'II', 'Based on the results of the analysis, if necessary, adopt relevant laws and legal acts', 'medium', '2022', 'no', [MDD, NCE], [5]),
    a('7', 'III', 'Accede to the Framework Agreement on Facilitation of Cross-Border Paperless Trade in Asia and the Pacific', 'high', '2022', 'no', [MTI, MOJ, MFA, MDD, MOF], [6]),
    a('8', 'III', 'Accede to the United Nations Convention on the Use of Electronic Communications in International Contracts', 'high', '2022', 'no', [MTI, MOJ, MFA, MDD, MOF], [7]),
    a('9', 'III', 'Conduct an inventory of international treaties affecting paperless trade issues to which Kazakhstan is a party', 'medium', '2022', 'no', [MTI, MFA], [8]),
    a('9.1', 'III', 'Organize educational activities for government agencies, organizations and the private sector on the opportunities that these tools can provide', 'medium', 'Ongoing', 'no', [MTI, MFA, NCE], [8]),
    a('10', 'III', 'Continue working on conclusion of bilateral and other trade agreements, and promote the use of predominantly electronic instruments', 'high', 'Ongoing', 'no', [MTI, MFA, NCE], [9]),
    a('11', 'III', 'Incorporate and harmonize international legal standards, regulations and guidelines into the legal framework', 'medium', 'Ongoing', 'yes', [MTI, MFA, NCE, MOJ], [10]),
    a('12', 'III', 'Accede to the Additional Protocol to the Convention on the Contract for the International Carriage of Goods by Road (CMR) concerning the Electronic Consignment Note', 'medium', '2023', 'no', [MIID, MFA, MTI, NCE], [11]),
    a(
      '13',
      'III',
      'Develop formats, descriptions and structures of B2B and B2G documents for expanding information interaction in cross-border trade in EAEU in accordance with the Decision of the EEC Board No. 190 "On approval of the Regulation on the data model of the Eurasian Economic Union" in order to ensure the use of uniform methodological approaches and unified solutions when creating electronic structures documents, information and data in electronic form. Submit proposals to the EEC.',
      'medium',
      '2023',
      'no',
      [MTI, MFA, MOF, MIID, NCE],
      [9],
    ),
    a('14', 'IV', 'Establish criteria for liability of parties involved in cross-border paperless trade and liability of intermediaries', 'medium', '2022', 'no', [MTI, MDD], [12]),
    a('15', 'IV', 'Secure choice of law and choice of court rules and conflict of laws rules applicable to international commercial contracts with regard to cross-border electronic commerce and paperless trade', 'high', '2023', 'yes', [MTI], [13]),
    a('16', 'IV', 'At the legislative level, determine the owner of the data in the cross-border paperless trading system and how this data can be used', 'medium', '2023', 'yes', [MDD, MTI], [14]),
    a('17', 'IV', 'Enable electronic payments for all purposes and between all participants in international trade transactions through the development of System for cross-border trade', 'high', '2023', 'yes', [MDD, MTI, MOF], [15]),
    a('18', 'IV', 'Raise awareness and capacity of legal issues pertaining to (cross-border) paperless trade for all stakeholders', 'medium', 'Ongoing', 'no', [MTI, MDD], [16]),
    a('18.1', 'IV', 'Cooperate with international organizations', 'medium', 'Ongoing', 'no', [MTI, MDD], [16]),
  ],
};

/**
 * The Global Survey figures the seed's text states (its charts are images). 2021: the
 * overall rate of Kazakhstan and the two comparison averages (section II.B). The rate of
 * "Cross-border paperless trade" follows from the seed's measure-by-measure account of
 * that group's six measures: three partially implemented (2 points each), one at the
 * planning stage (1), two not implemented (0): 7 of 18 points = 38.89 per cent. The seed
 * gives no figure for 2019 in its text, so none is entered.
 */
export const SEED_SURVEY = {
  year: 2021,
  overall: 72.04,
  rates: [{ group: 'crossBorderPaperless', rate: 38.89 }],
  comparisons: [
    { label: 'Asia-Pacific', overall: 65.85, rates: [] },
    { label: 'North and Central Asia', overall: 71.37, rates: [] },
  ],
} as const;

/** Participants of the national consultation workshop (Annex II of the seed) who were not interviewed: a few of them. */
export const SEED_WORKSHOP_ONLY: ReadonlyArray<{ organization: string; honorific: string; name: string; position: string; sector: string }> = [
  { organization: 'QazTrade JSC', honorific: 'Mr.', name: 'Azamat Askaruly', position: 'General director', sector: 'government' },
  { organization: 'QazTrade JSC', honorific: 'Mr.', name: 'Nurlan Kulbatyrov', position: 'Deputy General director, coordinator of the ESCAP project in Kazakhstan', sector: 'government' },
  { organization: 'The Economic and Social Commission for Asia and the Pacific', honorific: 'Mr.', name: 'Sang Won Lim', position: 'Economic Affairs Officer, Trade, Investment and Innovation Division', sector: 'international' },
  { organization: 'International Trade Center', honorific: 'Mr.', name: 'Dzhalil Bulatov', position: 'Representative of the International Trade Center (National Project Manager of the project "Ready4Trade Central Asia in Kazakhstan")', sector: 'international' },
  { organization: 'UN CEFACT', honorific: 'Mr.', name: 'Alexey Bondarenko', position: 'Vice Chair, International Project Consultant of Ready4Trade Central Asia', sector: 'international' },
];

/** Interviewed stakeholders who also took part in the workshop (names as in Annex I). */
export const SEED_WORKSHOP_INTERVIEWED: readonly string[] = ['Madina Kazhimova', 'Zhomart Yeleusizov', 'Tanatar Sergaziyev', 'Adilbek Aubakirov', 'Diana Ospanova'];
