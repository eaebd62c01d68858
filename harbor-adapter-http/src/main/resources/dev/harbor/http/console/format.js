// How times, durations and states read on the page.

export function time(iso) {
  if (!iso) {
    return '—';
  }
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? String(iso) : at.toLocaleString();
}

export function ago(iso, now = Date.now()) {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (Number.isNaN(seconds)) {
    return String(iso);
  }
  if (seconds < 2) {
    return 'just now';
  }
  return `${duration(seconds)} ago`;
}

export function duration(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  if (seconds < 3600) {
    return `${Math.floor(seconds / 60)} min`;
  }
  if (seconds < 86400) {
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  }
  return `${Math.floor(seconds / 86400)} d ${Math.floor((seconds % 86400) / 3600)} h`;
}

export function transport(t) {
  if (!t) {
    return '—';
  }
  switch (t.type) {
    case 'serial': return `serial ${t.port}${t.baudRate ? ` @ ${t.baudRate}` : ''}`;
    case 'tcp': return `tcp ${t.host}:${t.port}`;
    case 'simulated': return `simulated (bus ${t.bus})`;
    case 'bikeep': return `Bikeep location ${t.locationId}`;
    default: return t.type;
  }
}
