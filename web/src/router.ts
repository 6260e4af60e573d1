import { useEffect, useState } from 'preact/hooks';

/**
 * Client routes as real paths (/dang-ky, /bang-dang-ky…): the local runtime and CloudFront answer index.html for
 * any of them, so a reload or a shared link lands on the same page.
 */
const listeners = new Set<() => void>();

const navigate = (path: string) => {
  history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
};

export const useLocation = () => {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) }));
  useEffect(() => {
    const update = () => setLocation({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
};

/** A link that changes page without reloading the console. */
export const linkProps = (path: string) => ({
  href: path,
  onClick: (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  },
});
