import type { EmergencyNumber, RegionHelp } from './types.js';

// Every number below was confirmed on the page given as its source, the service's own site or a
// government page, on the day in `checkedOn`. A region or line is left out rather than filled
// with a number that was not confirmed there. Descriptions are `safety` texts, in every locale.
const checkedOn = '2026-12-04';
const key = (id: string) => `safety:help.lines.${id}`;
const everyService = ['police', 'fire', 'ambulance'] as const;
const europe112: EmergencyNumber = {
  number: '112',
  services: everyService,
  sourceUrl: 'http://europa.eu/rapid/press-release_MEMO-05-363_en.htm?locale=en',
  checkedOn,
};
const mainz =
  'https://www.mainz.de/microsite/feuerwehr/090kontakt/contentseiten/070.10_Notfallkontakte.php';
const yokohama =
  'https://www.city.yokohama.lg.jp/lang/residents/living-guide/emergency/110-119.html';
const sdis04 = 'https://www.sdis04.fr/quels-numeros-composer-18-112-15-ou-17/';
const genderJp = 'http://www.gender.go.jp/policy/no_violence/e-vaw/soudankikan.html';

/** Help resources that ship with Attune, by region. Apps can extend or replace them. */
export const helpRegions: readonly RegionHelp[] = [
  {
    region: 'US',
    emergency: [
      {
        number: '911',
        services: everyService,
        sourceUrl: 'https://burnsvillemn.gov/FAQ.aspx?QID=69',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'National Domestic Violence Hotline',
        topics: ['relationship-violence'],
        descriptionKey: key('us-hotline'),
        phone: '800-799-7233',
        sms: { number: '88788', keyword: 'START' },
        url: 'https://www.thehotline.org',
        hours: '24/7',
        sourceUrl:
          'https://ovc.ojp.gov/news/grantee-news/national-domestic-violence-hotline-answers-6-million-contacts',
        checkedOn,
      },
      {
        name: '988 Suicide & Crisis Lifeline',
        topics: ['crisis', 'suicide'],
        descriptionKey: key('us-988'),
        phone: '988',
        sms: { number: '988' },
        url: 'https://988lifeline.org',
        hours: '24/7',
        sourceUrl:
          'https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline',
        checkedOn,
      },
    ],
  },
  {
    region: 'CA',
    emergency: [
      {
        number: '911',
        services: everyService,
        sourceUrl:
          'https://www1.brampton.ca/EN/residents/Emergency-Management/Pages/About-911.aspx',
        checkedOn,
      },
    ],
    helplines: [],
  },
  {
    region: 'MX',
    emergency: [
      {
        number: '911',
        services: everyService,
        sourceUrl:
          'https://www.gob.mx/policiafederal/articulos/088-911-responder-ante-cualquier-llamado?idiom=es',
        checkedOn,
      },
    ],
    helplines: [],
  },
  {
    region: 'BR',
    // 190 reaches the military police; a source for 192 and 193 was not found, nor for Ligue 180.
    emergency: [
      {
        number: '190',
        services: ['police'],
        sourceUrl:
          'https://app.campoflorido.mg.gov.br/carta-de-servicos/c/2/i/14661/acionar-emergencia-policial-190',
        checkedOn,
      },
    ],
    helplines: [],
  },
  {
    region: 'GB',
    emergency: [
      {
        number: '999',
        services: everyService,
        sourceUrl: 'https://www.nottinghamshire.police.uk/faqs/contacting-us',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'National Domestic Abuse Helpline (run by Refuge)',
        topics: ['relationship-violence'],
        descriptionKey: key('gb-refuge'),
        phone: '0808 2000 247',
        url: 'https://www.nationaldahelpline.org.uk',
        hours: '24/7',
        sourceUrl:
          'https://refuge.org.uk/news/refuge-response-to-home-secretary-announcement-of-support-for-domestic-abuse-victims',
        checkedOn,
      },
      {
        name: 'Men’s Advice Line',
        topics: ['relationship-violence'],
        descriptionKey: key('gb-mens-advice-line'),
        phone: '0808 801 0327',
        sourceUrl:
          'https://www.teignbridge.gov.uk/housing/advice-guides/domestic-abuse/what-is-domestic-abuse/',
        checkedOn,
      },
      {
        name: 'Galop',
        topics: ['relationship-violence'],
        descriptionKey: key('gb-galop'),
        phone: '0800 999 5428',
        url: 'https://www.galop.org.uk',
        sourceUrl: 'https://www.galop.org.uk/lgbtq-survivors-user-agreement/',
        checkedOn,
      },
      {
        name: 'Samaritans',
        topics: ['crisis', 'suicide'],
        descriptionKey: key('gb-samaritans'),
        phone: '116 123',
        url: 'https://www.samaritans.org',
        hours: '24/7',
        sourceUrl:
          'https://samaritans.org/branches/coventry/coventry-branch-news/coventry-samaritans-will-be-open-usual-over-christmas',
        checkedOn,
      },
    ],
  },
  {
    region: 'DE',
    // The police first: the city of Mainz names 110 for feeling threatened and violence at home.
    emergency: [
      { number: '110', services: ['police'], sourceUrl: mainz, checkedOn },
      { number: '112', services: ['fire', 'ambulance'], sourceUrl: mainz, checkedOn },
    ],
    helplines: [
      {
        name: 'Hilfetelefon Gewalt gegen Frauen',
        topics: ['relationship-violence'],
        descriptionKey: key('de-116016'),
        phone: '116 016',
        url: 'https://www.hilfetelefon.de',
        hours: '24/7',
        sourceUrl: 'https://www.hilfetelefon.de/das-hilfetelefon/angebot-im-ueberblick.html',
        checkedOn,
      },
      {
        name: 'Hilfetelefon Gewalt an Männern',
        topics: ['relationship-violence'],
        descriptionKey: key('de-maennerhilfetelefon'),
        phone: '0800 123 99 00',
        url: 'https://www.maennerhilfetelefon.de',
        sourceUrl:
          'https://mffki.rlp.de/service/presse/detail/unterstuetzung-fuer-gewaltbetroffene-maenner-in-rheinland-pfalz',
        checkedOn,
      },
      {
        name: 'TelefonSeelsorge',
        topics: ['crisis', 'suicide'],
        descriptionKey: key('de-telefonseelsorge'),
        phone: '0800 111 0 111',
        url: 'https://www.telefonseelsorge.de',
        hours: '24/7',
        sourceUrl:
          'https://caritas.drs.de/diakonische-pastoral-verschiedene-handlungsfelder/telefonseelsorge-ts/hilfe-durch-ts.html',
        checkedOn,
      },
    ],
  },
  {
    region: 'FR',
    // The police first: 17 is the number for violence and for anyone whose safety is in danger.
    emergency: [
      { number: '17', services: ['police'], sourceUrl: sdis04, checkedOn },
      { ...europe112, sourceUrl: sdis04 },
      { number: '15', services: ['ambulance'], sourceUrl: sdis04, checkedOn },
      { number: '18', services: ['fire'], sourceUrl: sdis04, checkedOn },
    ],
    helplines: [
      {
        name: '3919 – Violences Femmes Info',
        topics: ['relationship-violence'],
        descriptionKey: key('fr-3919'),
        phone: '3919',
        hours: '24/7',
        sourceUrl: 'https://solidaritefemmes.org/appeler-le-3919/',
        checkedOn,
      },
      {
        name: '3114',
        topics: ['crisis', 'suicide'],
        descriptionKey: key('fr-3114'),
        phone: '3114',
        hours: '24/7',
        sourceUrl: 'https://www.service-public.fr/particuliers/actualites/A15206',
        checkedOn,
      },
    ],
  },
  {
    region: 'ES',
    emergency: [europe112],
    helplines: [
      {
        name: '016',
        topics: ['relationship-violence'],
        descriptionKey: key('es-016'),
        phone: '016',
        sourceUrl:
          'https://mugardos.gal/a-delegacion-do-goberno-contra-a-violencia-de-xenero-informa/',
        checkedOn,
      },
    ],
  },
  {
    region: 'JP',
    emergency: [
      { number: '110', services: ['police'], sourceUrl: yokohama, checkedOn },
      { number: '119', services: ['fire', 'ambulance'], sourceUrl: yokohama, checkedOn },
    ],
    helplines: [
      {
        name: 'DV相談＋',
        topics: ['relationship-violence'],
        descriptionKey: key('jp-dv-soudan-plus'),
        phone: '0120-279-889',
        url: 'https://soudanplus.jp',
        hours: '24/7',
        sourceUrl: genderJp,
        checkedOn,
      },
      {
        name: 'DV相談ナビ',
        topics: ['relationship-violence'],
        descriptionKey: key('jp-dv-navi'),
        phone: '#8008',
        sourceUrl: genderJp,
        checkedOn,
      },
      {
        name: 'よりそいホットライン',
        topics: ['crisis', 'support'],
        descriptionKey: key('jp-yorisoi'),
        phone: '0120-279-338',
        hours: '24/7',
        sourceUrl: 'https://town.mizumaki.lg.jp/s017/kurashi/040/040/20210215110712.html',
        checkedOn,
      },
    ],
  },
  {
    region: 'AU',
    emergency: [
      {
        number: '000',
        services: everyService,
        sourceUrl: 'https://nt.gov.au/emergency/emergencies/calling-000',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: '1800RESPECT',
        topics: ['relationship-violence'],
        descriptionKey: key('au-1800respect'),
        phone: '1800 737 732',
        hours: '24/7',
        sourceUrl:
          'https://www.alburycity.nsw.gov.au/covid-19/noexcuse/vic-family-violence-support-services',
        checkedOn,
      },
      {
        name: 'Lifeline',
        topics: ['crisis', 'suicide'],
        descriptionKey: key('au-lifeline'),
        phone: '13 11 14',
        hours: '24/7',
        sourceUrl:
          'https://www.health.vic.gov.au/mental-health-services/telephone-and-online-services',
        checkedOn,
      },
      {
        name: 'QLife',
        topics: ['support'],
        descriptionKey: key('au-qlife'),
        phone: '1800 184 527',
        url: 'https://www.qlife.org.au',
        hours: '3pm–midnight, every day',
        sourceUrl: 'https://www.qlife.org.au/faqs',
        checkedOn,
      },
    ],
  },
  {
    region: 'JO',
    // Jordan's unified emergency number, answered by the Public Security Directorate.
    emergency: [
      {
        number: '911',
        services: everyService,
        sourceUrl:
          'https://psd.gov.jo/en-us/content/news/major-general-al-maaitah-on-behalf-of-all-public-security-personnel-congratulates-his-majesty-the-supreme-commander-on-the-birthday-of-his-majesty/',
        checkedOn,
      },
    ],
    helplines: [],
  },
  {
    region: 'EU',
    emergency: [europe112],
    helplines: [],
  },
];

/** The EU member states, by ISO 3166-1 alpha-2 code: 112 reaches emergency services in each. */
export const euMemberStates: readonly string[] = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
];
