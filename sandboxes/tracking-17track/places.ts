/**
 * The world the sandbox's parcels travel through: carriers that ship from Guangdong, and for each
 * destination country its arrival gateway, cities and last-mile carrier. Time zones are fixed
 * offsets (no daylight saving): enough for plausible local times on every event.
 */
export type Place = { city: string; state: string | null; country: string; utcOffsetMinutes: number };

export type Carrier = { key: number; name: string; country: string; homepage: string };

export type Destination = { country: string; gateway: Place; cities: readonly Place[]; lastMile: Carrier };

const cn = (city: string): Place => ({ city, state: 'Guangdong', country: 'CN', utcOffsetMinutes: 8 * 60 });

export const origins = {
  warehouse: cn('Shenzhen'),
  pickup: [cn('Shenzhen'), cn('Dongguan')],
  sorting: [cn('Shenzhen'), cn('Guangzhou')],
  departure: [cn('Guangzhou'), cn('Shenzhen')],
} as const;

export const originCarriers: readonly Carrier[] = [
  { key: 3011, name: 'China Post', country: 'CN', homepage: 'http://www.chinapost.com.cn/' },
  { key: 190008, name: 'YunExpress', country: 'CN', homepage: 'https://www.yuntrack.com/' },
  { key: 190012, name: 'Yanwen', country: 'CN', homepage: 'https://www.yw56.com.cn/' },
  { key: 190094, name: '4PX', country: 'CN', homepage: 'https://www.4px.com/' },
  { key: 190271, name: 'Cainiao', country: 'CN', homepage: 'https://global.cainiao.com/' },
];

const place = (city: string, state: string | null, country: string, hours: number): Place => ({ city, state, country, utcOffsetMinutes: hours * 60 });
const carrier = (key: number, name: string, country: string, homepage: string): Carrier => ({ key, name, country, homepage });

export const destinations: readonly Destination[] = [
  {
    country: 'US',
    gateway: place('Los Angeles', 'CA', 'US', -8),
    cities: [place('New York', 'NY', 'US', -5), place('Chicago', 'IL', 'US', -6), place('Houston', 'TX', 'US', -6), place('Seattle', 'WA', 'US', -8), place('Miami', 'FL', 'US', -5)],
    lastMile: carrier(21051, 'USPS', 'US', 'https://www.usps.com/'),
  },
  {
    country: 'GB',
    gateway: place('London Heathrow', null, 'GB', 0),
    cities: [place('London', null, 'GB', 0), place('Manchester', null, 'GB', 0), place('Birmingham', null, 'GB', 0), place('Glasgow', null, 'GB', 0)],
    lastMile: carrier(11031, 'Royal Mail', 'GB', 'https://www.royalmail.com/'),
  },
  {
    country: 'DE',
    gateway: place('Frankfurt', 'Hesse', 'DE', 1),
    cities: [place('Berlin', null, 'DE', 1), place('Munich', 'Bavaria', 'DE', 1), place('Hamburg', null, 'DE', 1), place('Cologne', null, 'DE', 1)],
    lastMile: carrier(7041, 'Deutsche Post', 'DE', 'https://www.deutschepost.de/'),
  },
  {
    country: 'FR',
    gateway: place('Roissy-en-France', null, 'FR', 1),
    cities: [place('Paris', null, 'FR', 1), place('Lyon', null, 'FR', 1), place('Marseille', null, 'FR', 1), place('Toulouse', null, 'FR', 1)],
    lastMile: carrier(6051, 'La Poste', 'FR', 'https://www.laposte.fr/'),
  },
  {
    country: 'ES',
    gateway: place('Madrid', null, 'ES', 1),
    cities: [place('Madrid', null, 'ES', 1), place('Barcelona', null, 'ES', 1), place('Valencia', null, 'ES', 1), place('Seville', null, 'ES', 1)],
    lastMile: carrier(19031, 'Correos', 'ES', 'https://www.correos.es/'),
  },
  {
    country: 'JP',
    gateway: place('Narita', 'Chiba', 'JP', 9),
    cities: [place('Tokyo', null, 'JP', 9), place('Osaka', null, 'JP', 9), place('Nagoya', null, 'JP', 9), place('Fukuoka', null, 'JP', 9)],
    lastMile: carrier(10021, 'Japan Post', 'JP', 'https://www.post.japanpost.jp/'),
  },
  {
    country: 'KR',
    gateway: place('Incheon', null, 'KR', 9),
    cities: [place('Seoul', null, 'KR', 9), place('Busan', null, 'KR', 9), place('Daegu', null, 'KR', 9)],
    lastMile: carrier(11051, 'Korea Post', 'KR', 'https://www.epost.go.kr/'),
  },
  {
    country: 'AE',
    gateway: place('Dubai', null, 'AE', 4),
    cities: [place('Dubai', null, 'AE', 4), place('Abu Dhabi', null, 'AE', 4), place('Sharjah', null, 'AE', 4)],
    lastMile: carrier(1151, 'Emirates Post', 'AE', 'https://www.emiratespost.ae/'),
  },
  {
    country: 'RU',
    gateway: place('Moscow', null, 'RU', 3),
    cities: [place('Moscow', null, 'RU', 3), place('Saint Petersburg', null, 'RU', 3), place('Kazan', null, 'RU', 3), place('Novosibirsk', null, 'RU', 7)],
    lastMile: carrier(18031, 'Russian Post', 'RU', 'https://www.pochta.ru/'),
  },
  {
    country: 'BR',
    gateway: place('Curitiba', 'PR', 'BR', -3),
    cities: [place('São Paulo', 'SP', 'BR', -3), place('Rio de Janeiro', 'RJ', 'BR', -3), place('Belo Horizonte', 'MG', 'BR', -3), place('Brasília', 'DF', 'BR', -3)],
    lastMile: carrier(2151, 'Correios', 'BR', 'https://www.correios.com.br/'),
  },
];

export function locationText(p: Place): string {
  return [p.city, p.state, p.country].filter(Boolean).join(', ');
}
