import type { RegionHelp } from './types.js';

// Every number below was confirmed on the page given as its source on the day in `checkedOn`.
// A region is left out rather than filled with a number that was not confirmed.
const checkedOn = '2026-11-27';

/** Help resources that ship with Attune, by region. Apps can extend or replace them. */
export const helpRegions: readonly RegionHelp[] = [
  {
    region: 'US',
    emergency: [
      {
        number: '911',
        services: ['police', 'fire', 'ambulance'],
        sourceUrl: 'https://www.skowhegan.org/FAQ.aspx?QID=95',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'National Domestic Violence Hotline',
        topics: ['relationship-violence'],
        description:
          'Confidential support, safety planning and local referrals for anyone affected by relationship abuse, by phone, text or chat.',
        phone: '1-800-799-7233',
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
        description:
          'Free, confidential support by call, text or chat for anyone in emotional distress or a suicidal crisis, or worried about someone who is.',
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
    region: 'GB',
    emergency: [
      {
        number: '999',
        services: ['police', 'fire', 'ambulance'],
        sourceUrl: 'https://www.nottinghamshire.police.uk/999',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'National Domestic Abuse Helpline (run by Refuge)',
        topics: ['relationship-violence'],
        description:
          'Free, confidential support for women experiencing domestic abuse and for people worried about them; the website can arrange a safe time to call back.',
        phone: '0808 2000 247',
        url: 'https://www.nationaldahelpline.org.uk',
        hours: '24/7',
        sourceUrl:
          'https://refuge.org.uk/news/refuge-response-to-home-secretary-announcement-of-support-for-domestic-abuse-victims',
        checkedOn,
      },
    ],
  },
  {
    region: 'ES',
    emergency: [
      {
        number: '112',
        services: ['police', 'fire', 'ambulance'],
        sourceUrl:
          'https://digital-strategy.ec.europa.eu/en/news/112-day-raises-awareness-eu-emergency-number',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: '016',
        topics: ['relationship-violence'],
        description:
          'Free, confidential information, legal advice and psychosocial support on every form of violence against women, in many languages, also on WhatsApp at 600 000 016. The call is not shown on the phone bill but can stay in the call history.',
        phone: '016',
        hours: '24/7',
        sourceUrl:
          'https://www.europapress.es/epsocial/igualdad/noticia-suben-levemente-consultas-016-primer-semestre-2025-59317-casi-330-diarias-20250807133253.html',
        checkedOn,
      },
    ],
  },
  {
    region: 'DE',
    emergency: [
      {
        number: '112',
        services: ['fire', 'ambulance'],
        sourceUrl:
          'http://www.baden-baden.de/buergerservice/notlagen/unfaelle/feuerwehr-und-polizei/',
        checkedOn,
      },
      {
        number: '110',
        services: ['police'],
        sourceUrl:
          'http://www.baden-baden.de/buergerservice/notlagen/unfaelle/feuerwehr-und-polizei/',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'Hilfetelefon Gewalt gegen Frauen',
        topics: ['relationship-violence'],
        description:
          'Free, anonymous counselling for women affected by any form of violence and for the people around them, by phone, chat or email, in many languages.',
        phone: '116 016',
        url: 'https://www.hilfetelefon.de',
        hours: '24/7',
        sourceUrl: 'https://www.hilfetelefon.de/das-hilfetelefon/angebot-im-ueberblick.html',
        checkedOn,
      },
    ],
  },
  {
    region: 'JP',
    emergency: [
      {
        number: '110',
        services: ['police'],
        sourceUrl: 'https://www.funabashi-multilingual.info/guide/emergencynumbers/',
        checkedOn,
      },
      {
        number: '119',
        services: ['fire', 'ambulance'],
        sourceUrl: 'https://www.funabashi-multilingual.info/guide/emergencynumbers/',
        checkedOn,
      },
    ],
    helplines: [
      {
        name: 'DV相談＋',
        topics: ['relationship-violence'],
        description:
          'Free counselling on violence from a spouse or partner, by phone around the clock and by email or chat, in several languages; it can arrange accompaniment and a safe place to stay.',
        phone: '0120-279-889',
        url: 'https://soudanplus.jp',
        hours: '24/7',
        sourceUrl: 'https://www.gov-online.go.jp/cam/no_dvca/dv03/',
        checkedOn,
      },
      {
        name: 'DV相談ナビ',
        topics: ['relationship-violence'],
        description:
          'Connects the call to the nearest spousal violence counselling and support centre, during its opening hours; call charges apply.',
        phone: '#8008',
        sourceUrl: 'https://www.gov-online.go.jp/cam/no_dvca/dv03/',
        checkedOn,
      },
    ],
  },
  {
    region: 'EU',
    emergency: [
      {
        number: '112',
        services: ['police', 'fire', 'ambulance'],
        sourceUrl:
          'https://digital-strategy.ec.europa.eu/en/news/112-day-raises-awareness-eu-emergency-number',
        checkedOn,
      },
    ],
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
