import { registerRootComponent } from 'expo';
import { Main } from './src/main';

registerRootComponent(Main);
