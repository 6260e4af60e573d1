import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app')!;
root.replaceChildren(); // the "loading" placeholder of index.html
render(<App />, root);
