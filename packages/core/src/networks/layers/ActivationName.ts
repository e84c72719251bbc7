/** Elementwise nonlinearities the built-in networks offer. */
export type ActivationName = 'none' | 'relu' | 'leakyRelu' | 'tanh' | 'sigmoid';
