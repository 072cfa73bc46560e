// The time zones the oVirt engine accepts for a VM, and the clock offset its XML builder writes.
// The engine keeps two lists (ovirt-engine common/TimeZoneType.java): Windows zone names for Windows
// guests and zone ids for every other guest; TimeZoneValidator picks the list by the OS family and
// refuses a zone from the other one (ACTION_TYPE_FAILED_INVALID_TIMEZONE). The XML builder
// (VmInfoBuildUtils.getVmTimeZone) turns the zone into seconds east of UTC, Windows names through
// their zone id first.

/** Windows zone name → the zone id the engine maps it to for the clock offset (CLDR's windowsZones). */
export const WINDOWS_TIME_ZONES: Readonly<Record<string, string>> = {
  "Afghanistan Standard Time": "Asia/Kabul",
  "Alaskan Standard Time": "America/Anchorage",
  "Arab Standard Time": "Asia/Riyadh",
  "Arabian Standard Time": "Asia/Dubai",
  "Arabic Standard Time": "Asia/Baghdad",
  "Atlantic Standard Time": "America/Halifax",
  "Azores Standard Time": "Atlantic/Azores",
  "Canada Central Standard Time": "America/Regina",
  "Cape Verde Standard Time": "Atlantic/Cape_Verde",
  "Caucasus Standard Time": "Asia/Yerevan",
  "Cen. Australia Standard Time": "Australia/Adelaide",
  "Central America Standard Time": "America/Guatemala",
  "Central Asia Standard Time": "Asia/Almaty",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Central Pacific Standard Time": "Pacific/Guadalcanal",
  "Central Standard Time": "America/Chicago",
  "Central Standard Time (Mexico)": "America/Mexico_City",
  "China Standard Time": "Asia/Shanghai",
  "Dateline Standard Time": "Etc/GMT+12",
  "E. Africa Standard Time": "Africa/Nairobi",
  "E. Australia Standard Time": "Australia/Brisbane",
  "E. Europe Standard Time": "Europe/Chisinau",
  "E. South America Standard Time": "America/Sao_Paulo",
  "Eastern Standard Time": "America/New_York",
  "Egypt Standard Time": "Africa/Cairo",
  "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
  "FLE Standard Time": "Europe/Kiev",
  "Fiji Standard Time": "Pacific/Fiji",
  "GMT Standard Time": "Europe/London",
  "GTB Standard Time": "Europe/Bucharest",
  "Georgian Standard Time": "Asia/Tbilisi",
  "Greenland Standard Time": "America/Godthab",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "India Standard Time": "Asia/Calcutta",
  "Iran Standard Time": "Asia/Tehran",
  "Israel Standard Time": "Asia/Jerusalem",
  "Korea Standard Time": "Asia/Seoul",
  "Mid-Atlantic Standard Time": "Etc/GMT+2",
  "Mountain Standard Time": "America/Denver",
  "Myanmar Standard Time": "Asia/Rangoon",
  "N. Central Asia Standard Time": "Asia/Novosibirsk",
  "Nepal Standard Time": "Asia/Katmandu",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Newfoundland Standard Time": "America/St_Johns",
  "North Asia East Standard Time": "Asia/Irkutsk",
  "North Asia Standard Time": "Asia/Krasnoyarsk",
  "Pacific SA Standard Time": "America/Santiago",
  "Pacific Standard Time": "America/Los_Angeles",
  "Romance Standard Time": "Europe/Paris",
  "Russian Standard Time": "Europe/Moscow",
  "SA Eastern Standard Time": "America/Cayenne",
  "SA Pacific Standard Time": "America/Bogota",
  "SA Western Standard Time": "America/La_Paz",
  "SE Asia Standard Time": "Asia/Bangkok",
  "Samoa Standard Time": "Pacific/Apia",
  "Singapore Standard Time": "Asia/Singapore",
  "South Africa Standard Time": "Africa/Johannesburg",
  "Sri Lanka Standard Time": "Asia/Colombo",
  "Taipei Standard Time": "Asia/Taipei",
  "Tasmania Standard Time": "Australia/Hobart",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Tonga Standard Time": "Pacific/Tongatapu",
  "US Eastern Standard Time": "America/Indianapolis",
  "US Mountain Standard Time": "America/Phoenix",
  "Venezuela Standard Time": "America/Caracas",
  "Vladivostok Standard Time": "Asia/Vladivostok",
  "W. Australia Standard Time": "Australia/Perth",
  "W. Central Africa Standard Time": "Africa/Lagos",
  "W. Europe Standard Time": "Europe/Berlin",
  "West Asia Standard Time": "Asia/Tashkent",
  "West Pacific Standard Time": "Pacific/Port_Moresby",
  "Yakutsk Standard Time": "Asia/Yakutsk",
};

/** Zone id → the Windows zone the engine's general list labels it with. */
export const GENERAL_TIME_ZONES: Readonly<Record<string, string>> = {
  "Etc/GMT": "GMT Standard Time",
  "Asia/Kabul": "Afghanistan Standard Time",
  "America/Anchorage": "Alaskan Standard Time",
  "Asia/Riyadh": "Arab Standard Time",
  "Asia/Dubai": "Arabian Standard Time",
  "Asia/Baghdad": "Arabic Standard Time",
  "America/Halifax": "Atlantic Standard Time",
  "Atlantic/Azores": "Azores Standard Time",
  "America/Regina": "Canada Central Standard Time",
  "Atlantic/Cape_Verde": "Cape Verde Standard Time",
  "Asia/Yerevan": "Caucasus Standard Time",
  "Australia/Adelaide": "Cen. Australia Standard Time",
  "Australia/Darwin": "Cen. Australia Standard Time",
  "America/Guatemala": "Central America Standard Time",
  "Asia/Almaty": "Central Asia Standard Time",
  "Europe/Budapest": "Central Europe Standard Time",
  "Europe/Warsaw": "Central European Standard Time",
  "Pacific/Guadalcanal": "Central Pacific Standard Time",
  "America/Chicago": "Central Standard Time",
  "America/Mexico_City": "Central Standard Time (Mexico)",
  "Asia/Shanghai": "China Standard Time",
  "Etc/GMT+12": "Dateline Standard Time",
  "Africa/Nairobi": "E. Africa Standard Time",
  "Australia/Brisbane": "E. Australia Standard Time",
  "Asia/Nicosia": "E. Europe Standard Time",
  "America/Sao_Paulo": "E. South America Standard Time",
  "America/New_York": "Eastern Standard Time",
  "Africa/Cairo": "Egypt Standard Time",
  "Africa/Algiers": "W. Central Africa Standard Time",
  "Asia/Yekaterinburg": "Ekaterinburg Standard Time",
  "Pacific/Fiji": "Fiji Standard Time",
  "Europe/Kiev": "FLE Standard Time",
  "Asia/Tbilisi": "Georgian Standard Time",
  "Europe/London": "GMT Standard Time",
  "America/Godthab": "Greenland Standard Time",
  "Atlantic/Reykjavik": "Greenwich Standard Time",
  "Europe/Bucharest": "GTB Standard Time",
  "Pacific/Honolulu": "Hawaiian Standard Time",
  "Asia/Calcutta": "India Standard Time",
  "Asia/Tehran": "Iran Standard Time",
  "Asia/Jerusalem": "Israel Standard Time",
  "Asia/Seoul": "Korea Standard Time",
  "America/Denver": "Mountain Standard Time",
  "Asia/Rangoon": "Myanmar Standard Time",
  "Asia/Novosibirsk": "N. Central Asia Standard Time",
  "Asia/Katmandu": "Nepal Standard Time",
  "Pacific/Auckland": "New Zealand Standard Time",
  "America/St_Johns": "Newfoundland Standard Time",
  "Asia/Irkutsk": "North Asia East Standard Time",
  "Asia/Krasnoyarsk": "North Asia Standard Time",
  "America/Santiago": "Pacific SA Standard Time",
  "America/Los_Angeles": "Pacific Standard Time",
  "Europe/Paris": "Romance Standard Time",
  "Europe/Moscow": "Russian Standard Time",
  "America/Cayenne": "SA Eastern Standard Time",
  "America/Bogota": "SA Pacific Standard Time",
  "America/La_Paz": "SA Western Standard Time",
  "Pacific/Apia": "Samoa Standard Time",
  "Asia/Bangkok": "SE Asia Standard Time",
  "Asia/Singapore": "Singapore Standard Time",
  "Africa/Johannesburg": "South Africa Standard Time",
  "Asia/Colombo": "Sri Lanka Standard Time",
  "Asia/Taipei": "Taipei Standard Time",
  "Australia/Hobart": "Tasmania Standard Time",
  "Asia/Tokyo": "Tokyo Standard Time",
  "Pacific/Tongatapu": "Tonga Standard Time",
  "America/Indianapolis": "US Eastern Standard Time",
  "America/Phoenix": "US Mountain Standard Time",
  "Asia/Vladivostok": "Vladivostok Standard Time",
  "Australia/Perth": "W. Australia Standard Time",
  "Africa/Lagos": "W. Central Africa Standard Time",
  "Europe/Berlin": "W. Europe Standard Time",
  "Asia/Tashkent": "West Asia Standard Time",
  "Pacific/Port_Moresby": "West Pacific Standard Time",
  "Asia/Yakutsk": "Yakutsk Standard Time",
  "America/Caracas": "Venezuela Standard Time",
};

/** The engine's defaults (config DefaultWindowsTimeZone / DefaultGeneralTimeZone). */
export const DEFAULT_WINDOWS_TIME_ZONE = "GMT Standard Time";
export const DEFAULT_GENERAL_TIME_ZONE = "Etc/GMT";

/** osinfo's Windows family: every Windows OS id starts with "windows" (windows_10, windows_11, windows_2022, ...). */
export function isWindows(osType: string | undefined): boolean {
  return (osType ?? "").toLowerCase().startsWith("windows");
}

/** Whether the engine takes this zone for this OS family. */
export function timeZoneFits(timeZone: string, osType: string | undefined): boolean {
  const list = isWindows(osType) ? WINDOWS_TIME_ZONES : GENERAL_TIME_ZONES;
  return Object.hasOwn(list, timeZone);
}

/** The same zone in the other family's spelling, if the engine lists it there (for an error's hint). */
export function counterpartZone(timeZone: string, osType: string | undefined): string | undefined {
  if (isWindows(osType)) {
    return Object.hasOwn(GENERAL_TIME_ZONES, timeZone) ? GENERAL_TIME_ZONES[timeZone] : undefined;
  }
  if (!Object.hasOwn(WINDOWS_TIME_ZONES, timeZone)) return undefined;
  const id = WINDOWS_TIME_ZONES[timeZone];
  if (id !== undefined && Object.hasOwn(GENERAL_TIME_ZONES, id)) return id;
  return Object.entries(GENERAL_TIME_ZONES).find(([, windows]) => windows === timeZone)?.[0];
}

/** Seconds east of UTC of a zone id at one instant, from the runtime's time-zone data. */
function offsetAt(zoneId: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zoneId, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - instant) / 1000);
}

/**
 * The clock adjustment the engine writes, in seconds east of UTC. The engine takes the offset at
 * the moment the VM starts; the preview must not change with the calendar, so it shows the zone's
 * standard (winter) offset: the smaller of its January and July offsets. Unknown zones give 0, as
 * the engine's lookup does.
 */
export function clockAdjustment(timeZone: string | undefined, osType: string | undefined): number {
  const windows = isWindows(osType);
  const zone = timeZone === undefined || timeZone === "" ? (windows ? DEFAULT_WINDOWS_TIME_ZONE : DEFAULT_GENERAL_TIME_ZONE) : timeZone;
  const zoneId = windows ? WINDOWS_TIME_ZONES[zone] : zone;
  if (zoneId === undefined) return 0;
  let adjustment = standardOffsets.get(zoneId);
  if (adjustment === undefined) {
    adjustment = standardOffset(zoneId);
    standardOffsets.set(zoneId, adjustment);
  }
  return adjustment;
}

/**
 * Each zone's standard offset, worked out once per process: every domain XML asks for one, and an
 * Intl.DateTimeFormat costs about a millisecond to build (the plugin's profile of `pulumi up` of
 * 300 VMs showed it as its busiest function of its own). Fixed instants: the answer never changes.
 */
const standardOffsets = new Map<string, number>();

function standardOffset(zoneId: string): number {
  try {
    const january = offsetAt(zoneId, Date.UTC(2025, 0, 15));
    const july = offsetAt(zoneId, Date.UTC(2025, 6, 15));
    return Math.min(january, july);
  } catch {
    return 0;
  }
}
