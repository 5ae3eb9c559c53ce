package kernelwise.agents;
