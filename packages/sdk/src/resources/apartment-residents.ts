import { ApartmentResidentsOperations } from "../generated/resources.js";

/** `client.apartmentResidents`: who lives where in a virtual access building. */
export class ApartmentResidentsResource extends ApartmentResidentsOperations {}
